/**
 * Pushing into Pendo: the {@link io.github.pendoclient.sync.push.PushEngine}, which sends visitor, account and parent
 * account metadata or track events from a {@link io.github.pendoclient.sync.push.PushSource} to a
 * {@link io.github.pendoclient.sync.push.PushTarget}, sending only what changed since the last run.
 *
 * <p>Memory: source rows stream, one batch at a time. The state (each object id with its 8-byte fingerprint, or
 * each delivered event key as an 8-byte hash) and the ids or keys seen in the run are held in memory, roughly 100
 * bytes per object plus its id, so memory grows with the number of objects pushed, not with the size of rows.
 */
package io.github.pendoclient.sync.push;
