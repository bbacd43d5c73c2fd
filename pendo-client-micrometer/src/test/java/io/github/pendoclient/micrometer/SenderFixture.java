package io.github.pendoclient.micrometer;

import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.TrackSender;
import io.github.pendoclient.track.TrackSenderOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** A sender whose sends never start: its executor keeps the tasks, so events stay in the queue. */
final class SenderFixture implements AutoCloseable {

    private final TrackClient client;
    private final TrackSender sender;

    private SenderFixture(TrackClient client, TrackSender sender) {
        this.client = client;
        this.sender = sender;
    }

    static SenderFixture withStalledExecutor() {
        TrackClient client = TrackClient.builder()
                .sharedSecret("test-shared-secret")
                .baseUrl("http://127.0.0.1:9/")
                .build();
        TrackSender sender = client.sender(TrackSenderOptions.builder()
                .executor(new StalledExecutor())
                .closeTimeout(Duration.ofMillis(1))
                .build());
        return new SenderFixture(client, sender);
    }

    TrackSender sender() {
        return sender;
    }

    void trackEvents(int count) {
        for (int i = 0; i < count; i++) {
            sender.track(TrackEvent.builder()
                    .event("test-event")
                    .visitorId("visitor-" + i)
                    .build());
        }
    }

    @Override
    public void close() {
        sender.close();
        client.close();
    }

    /** Keeps every task and runs none. */
    private static final class StalledExecutor extends AbstractExecutorService {
        private final List<Runnable> tasks = new ArrayList<>();
        private boolean shutdown;

        @Override
        public synchronized void execute(Runnable command) {
            tasks.add(command);
        }

        @Override
        public synchronized void shutdown() {
            shutdown = true;
        }

        @Override
        public synchronized List<Runnable> shutdownNow() {
            shutdown = true;
            return new ArrayList<>(tasks);
        }

        @Override
        public synchronized boolean isShutdown() {
            return shutdown;
        }

        @Override
        public synchronized boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
