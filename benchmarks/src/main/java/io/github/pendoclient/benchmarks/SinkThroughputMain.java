package io.github.pendoclient.benchmarks;

import io.github.pendoclient.connect.PendoSinkConfig;
import io.github.pendoclient.connect.PendoSinkConnector;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.TrackSender;
import io.github.pendoclient.track.TrackSenderOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * Track events per second through the Kafka Connect sink into FakePendo, with one and with two tasks, against the
 * SDK's {@link TrackSender} alone sending the same events to the same fake: how much the connector (consuming,
 * converting, mapping, offset tracking) costs over sending alone. The broker and Connect worker run in this JVM
 * (Kafka's EmbeddedConnectCluster); their start-up and producing the records are not timed. Every run has a request
 * budget of 10,000 per second (the connector's is divided between its tasks), so the limit does not bind on a local
 * fake, and four requests in flight per sender.
 *
 * <p>Usage: {@code SinkThroughputMain [EVENTS]}
 */
public final class SinkThroughputMain {

    private static final double BUDGET = 10_000;
    private static final int IN_FLIGHT = 4;

    private SinkThroughputMain() {}

    /**
     * Runs the comparison once and prints one line per run.
     *
     * @param args the number of events
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (FakePendo fake = FakePendo.create().start()) {
            double aloneSeconds;
            try (TrackClient client = fake.trackClientBuilder()
                            .rateLimit(RateLimitOptions.perSecond(BUDGET))
                            .build();
                    TrackSender sender = client.sender(TrackSenderOptions.builder()
                            .queueCapacity(events)
                            .concurrency(IN_FLIGHT)
                            .build())) {
                long began = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    sender.track(TrackEvent.builder()
                            .event("Clicked")
                            .visitorId("v-" + (i % 1_000))
                            .accountId("a-" + (i % 50))
                            .timestamp(Instant.now())
                            .property("n", i)
                            .property("event_id", "alone-" + i)
                            .build());
                }
                sender.flush().join();
                aloneSeconds = (System.nanoTime() - began) / 1e9;
            }
            check(fake, events);
            print("TrackSender alone, concurrency " + IN_FLIGHT, events, aloneSeconds, aloneSeconds);

            Map<String, String> worker = new HashMap<>();
            worker.put("plugin.discovery", "service_load");
            worker.put("offset.flush.interval.ms", "1000");
            Properties broker = new Properties();
            broker.put("offsets.topic.num.partitions", "1");
            broker.put("group.initial.rebalance.delay.ms", "0");
            EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                    .name("sink-bench")
                    .numWorkers(1)
                    .numBrokers(1)
                    .workerProps(worker)
                    .brokerProps(broker)
                    .build();
            connect.start();
            try {
                for (int tasks : new int[] {1, 2}) {
                    String topic = "events-" + tasks;
                    connect.kafka().createTopic(topic, 2);
                    produce(connect, topic, events);
                    Map<String, String> config = new HashMap<>();
                    config.put("connector.class", PendoSinkConnector.class.getName());
                    config.put("topics", topic);
                    config.put("tasks.max", String.valueOf(tasks));
                    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
                    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
                    config.put("value.converter.schemas.enable", "false");
                    config.put(PendoSinkConfig.MODE, "track");
                    config.put(PendoSinkConfig.SHARED_SECRET, fake.sharedSecret());
                    config.put(PendoSinkConfig.BASE_URL, fake.baseUrl().toString());
                    config.put(PendoSinkConfig.REQUESTS_PER_SECOND, String.valueOf(BUDGET));
                    config.put(PendoSinkConfig.MAX_IN_FLIGHT, String.valueOf(IN_FLIGHT));
                    fake.clearTrackEvents();
                    long began = System.nanoTime();
                    connect.configureConnector("sink-" + tasks, config);
                    int delivered = 0;
                    while (delivered < events) {
                        Thread.sleep(100);
                        delivered = fake.trackEvents().size();
                        if ((System.nanoTime() - began) > Duration.ofMinutes(10).toNanos()) {
                            throw new IllegalStateException("only " + delivered + " of " + events + " in 10 min");
                        }
                    }
                    double seconds = (System.nanoTime() - began) / 1e9;
                    connect.deleteConnector("sink-" + tasks);
                    print("sink connector, tasks.max=" + tasks, delivered, seconds, aloneSeconds);
                }
            } finally {
                connect.stop();
            }
        }
    }

    private static void produce(EmbeddedConnectCluster connect, String topic, int events) {
        try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of())) {
            for (int i = 0; i < events; i++) {
                String value = "{\"event\":\"Clicked\",\"visitorId\":\"v-" + (i % 1_000) + "\",\"accountId\":\"a-"
                        + (i % 50) + "\",\"n\":" + i + "}";
                producer.send(new ProducerRecord<>(
                        topic,
                        i % 2,
                        (topic + "-" + i).getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private static void check(FakePendo fake, int events) {
        int received = fake.trackEvents().size();
        if (received != events) {
            throw new IllegalStateException(received + " of " + events + " events reached the fake");
        }
        fake.clearTrackEvents();
    }

    private static void print(String what, long events, double seconds, double aloneSeconds) {
        System.out.println(String.format(
                Locale.ROOT,
                "RESULT | %s | %,d | %.1f | %,.0f | %.2f |",
                what,
                events,
                seconds,
                events / seconds,
                aloneSeconds / seconds));
    }
}
