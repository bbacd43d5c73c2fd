/** The connector's insides: offsets, schemas, table readers and partition assignment. Not a public API. */
package io.github.pendoclient.connect.internal;
