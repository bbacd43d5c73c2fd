/**
 * Internal, not API: the HTTP plumbing every pendo-client module shares ({@link
 * io.github.pendoclient.internal.http.PendoHttp}, its options, credentials, client builders, interceptors, retry
 * execution). The pendo-client modules may use it; applications should not, because anything here may change in any
 * release. Applications configure the stack through {@code io.github.pendoclient.http} and call their own Retrofit
 * interfaces with {@code PendoClient.create(Class)}.
 */
package io.github.pendoclient.internal.http;
