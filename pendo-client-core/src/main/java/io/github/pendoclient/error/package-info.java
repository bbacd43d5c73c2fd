/**
 * The exceptions of pendo-client. Everything is unchecked and extends {@link io.github.pendoclient.error.PendoException}:
 * {@link io.github.pendoclient.error.PendoApiException} and its subtypes for HTTP error statuses,
 * {@link io.github.pendoclient.error.PendoNetworkException} for I/O failures, and
 * {@link io.github.pendoclient.error.UnreadableResponseException} for bodies that are not the expected JSON.
 */
package io.github.pendoclient.error;
