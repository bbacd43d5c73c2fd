/** pendo-sync's internals; not an API. */
package io.github.pendoclient.sync.internal;
