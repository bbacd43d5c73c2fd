/**
 * The pendo-sync engine as a library: {@link io.github.pendoclient.sync.SyncEngine} copies the tables of a
 * {@link io.github.pendoclient.sync.TableRegistry} from Pendo into a {@link io.github.pendoclient.sync.Sink},
 * incrementally, checkpointing into a {@link io.github.pendoclient.sync.SyncState}. A table is one
 * {@link io.github.pendoclient.sync.Table} declaration; a storage is one {@code Sink} implementation.
 */
package io.github.pendoclient.sync;
