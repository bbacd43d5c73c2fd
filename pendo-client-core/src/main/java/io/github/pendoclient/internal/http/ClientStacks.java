package io.github.pendoclient.internal.http;

import io.github.pendoclient.PendoClient;
import java.util.Objects;
import java.util.function.Function;

/**
 * The way the pendo-client modules built on core (aggregation, sync) reach a {@link PendoClient}'s HTTP stack, which
 * the client does not expose publicly: the stack carries the credential, so it is not part of the API. Internal.
 */
public final class ClientStacks {

    private static volatile Function<PendoClient, PendoHttp> access;

    private ClientStacks() {}

    /**
     * Called once by {@link PendoClient}'s class initialiser; a second registration is refused.
     *
     * @param accessor the client's stack getter
     */
    public static synchronized void register(Function<PendoClient, PendoHttp> accessor) {
        if (access != null) {
            throw new IllegalStateException("The client stack accessor is registered once, by PendoClient");
        }
        access = Objects.requireNonNull(accessor, "accessor");
    }

    /**
     * The stack of a client.
     *
     * @param client the client
     * @return its stack
     */
    public static PendoHttp of(PendoClient client) {
        Objects.requireNonNull(client, "client");
        // Holding an instance means PendoClient's initialiser has run and registered the accessor.
        return access.apply(client);
    }
}
