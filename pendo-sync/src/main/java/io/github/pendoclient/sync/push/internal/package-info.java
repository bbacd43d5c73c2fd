/** The push engine's internals: the run, the state file, value conversion, metadata batches. Not public API. */
package io.github.pendoclient.sync.push.internal;
