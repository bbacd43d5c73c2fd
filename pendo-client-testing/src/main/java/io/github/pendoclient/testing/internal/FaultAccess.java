package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.Fault;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the server plumbing reads what a {@link Fault} does without making those accessors public API: {@code Fault}'s
 * class initialiser registers a reader here (the JDK's {@code SharedSecrets} pattern, as CONTRIBUTING.md describes).
 */
public final class FaultAccess {

    /**
     * What a fault does to the answer.
     *
     * @param status the status to answer instead, or 0 for the normal answer
     * @param contentType the content type of that answer
     * @param body the body of that answer
     * @param retryAfterSeconds the {@code Retry-After} to send, or null
     * @param delay how long to wait before answering
     * @param disconnects whether the connection is closed halfway through the body
     */
    public record Plan(
            int status, String contentType, String body, Long retryAfterSeconds, Duration delay, boolean disconnects) {}

    private static volatile Function<Fault, Plan> reader;

    private FaultAccess() {}

    /**
     * Registers the reader; called once by {@code Fault}'s class initialiser.
     *
     * @param planOf turns a fault into its plan
     */
    public static void register(Function<Fault, Plan> planOf) {
        reader = Objects.requireNonNull(planOf, "planOf");
    }

    /**
     * What a fault does.
     *
     * @param fault the fault; its class is initialised, so the reader is registered
     * @return its plan
     */
    public static Plan plan(Fault fault) {
        return reader.apply(Objects.requireNonNull(fault, "fault"));
    }
}
