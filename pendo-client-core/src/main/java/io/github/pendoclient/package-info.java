/**
 * pendo-client: a Java SDK for the Pendo v1 API. Start with {@link io.github.pendoclient.PendoClient}.
 */
package io.github.pendoclient;
