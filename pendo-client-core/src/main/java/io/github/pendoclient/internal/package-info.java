/**
 * Internal helpers shared by the pendo-client modules (collection copies, the environment reader). Not API: no
 * compatibility promise, may change in any release.
 */
package io.github.pendoclient.internal;
