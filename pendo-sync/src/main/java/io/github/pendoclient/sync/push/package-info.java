/**
 * Pushing into Pendo: the {@link io.github.pendoclient.sync.push.PushEngine}, which sends visitor, account and parent
 * account metadata or track events from a {@link io.github.pendoclient.sync.push.PushSource} to a
 * {@link io.github.pendoclient.sync.push.PushTarget}, sending only what changed since the last run.
 */
package io.github.pendoclient.sync.push;
