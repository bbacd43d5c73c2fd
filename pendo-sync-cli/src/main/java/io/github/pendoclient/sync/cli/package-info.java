/**
 * The {@code pendo-sync} command line on top of the {@link io.github.pendoclient.sync.SyncEngine}: options checked
 * before anything is touched, a progress display, and a summary.
 */
package io.github.pendoclient.sync.cli;
