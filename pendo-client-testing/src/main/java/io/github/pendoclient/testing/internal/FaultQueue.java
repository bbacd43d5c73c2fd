package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.Fault;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The faults scripted per endpoint, each played for the next calls to its endpoint, in order. Thread-safe. */
public final class FaultQueue {

    private final Map<Endpoint, Deque<Fault>> faults = new EnumMap<>(Endpoint.class);

    public synchronized void add(Endpoint endpoint, Fault fault) {
        faults.computeIfAbsent(Objects.requireNonNull(endpoint, "endpoint"), e -> new ArrayDeque<>())
                .add(Objects.requireNonNull(fault, "fault"));
    }

    /** The fault for this call to the endpoint, consumed by it; null when none is scripted. */
    public synchronized Fault take(Endpoint endpoint) {
        Deque<Fault> queue = faults.get(endpoint);
        if (queue == null || queue.isEmpty()) {
            return null;
        }
        Fault fault = queue.pollFirst();
        if (fault.times() > 1) {
            queue.addFirst(fault.times(fault.times() - 1));
        }
        return fault;
    }

    public synchronized int pending() {
        return faults.values().stream()
                .flatMap(Deque::stream)
                .mapToInt(Fault::times)
                .sum();
    }

    public synchronized void clear() {
        faults.clear();
    }
}
