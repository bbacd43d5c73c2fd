package io.github.pendoclient.benchmarks;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.connect.PendoSourceConfig;
import io.github.pendoclient.connect.PendoSourceConnector;
import io.github.pendoclient.sync.SyncEngine;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.sync.SyncState;
import io.github.pendoclient.sync.TableResult;
import io.github.pendoclient.sync.sink.DiscardSink;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * Rows per second through the Kafka Connect source into Kafka, against pendo-sync's engine into a discarding sink
 * on the same fake and dataset: how much the connector, the converters and the broker cost over reading alone.
 * The broker and Connect worker run in this JVM (Kafka's EmbeddedConnectCluster); their start-up is not timed.
 *
 * <p>Usage: {@code ConnectThroughputMain [VISITORS ACCOUNTS DAYS]}
 */
public final class ConnectThroughputMain {

    private static final List<String> TABLES = PendoSourceConfig.supportedTables();

    private ConnectThroughputMain() {}

    /**
     * Runs the comparison once and prints one line per run.
     *
     * @param args the dataset's size
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        int visitors = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        LocalDate start = LocalDate.ofInstant(today, ZoneOffset.UTC).minusDays(days);
        try (FakePendo fake = FakePendo.builder()
                .dataset(Dataset.generator(42)
                        .visitors(visitors)
                        .accounts(accounts)
                        .days(days)
                        .endingAt(today)
                        .build())
                .build()
                .start()) {
            long rows;
            double discardSeconds;
            try (PendoClient client = fake.client();
                    DiscardSink sink = new DiscardSink()) {
                SyncEngine engine = SyncEngine.builder()
                        .client(client)
                        .sink(sink)
                        .state(SyncState.load(
                                Files.createTempDirectory("connect-bench").resolve("state.json")))
                        .settings(SyncOptions.builder()
                                .start(start.atStartOfDay(ZoneOffset.UTC).toInstant())
                                .build())
                        .build();
                long began = System.nanoTime();
                List<TableResult> results = engine.syncAll(TABLES);
                discardSeconds = (System.nanoTime() - began) / 1e9;
                rows = results.stream().mapToLong(TableResult::rows).sum();
            }
            print("pendo-sync, discard sink", rows, discardSeconds, discardSeconds);

            Map<String, String> worker = new HashMap<>();
            worker.put("plugin.discovery", "service_load");
            worker.put("offset.flush.interval.ms", "1000");
            Properties broker = new Properties();
            broker.put("offsets.topic.num.partitions", "1");
            broker.put("group.initial.rebalance.delay.ms", "0");
            EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                    .name("bench")
                    .numWorkers(1)
                    .numBrokers(1)
                    .workerProps(worker)
                    .brokerProps(broker)
                    .build();
            connect.start();
            try {
                for (int tasks : new int[] {1, 2}) {
                    String prefix = "t" + tasks + ".";
                    for (String table : TABLES) {
                        connect.kafka().createTopic(prefix + table, 1);
                    }
                    Map<String, String> config = new HashMap<>();
                    config.put("connector.class", PendoSourceConnector.class.getName());
                    config.put("tasks.max", String.valueOf(tasks));
                    config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
                    config.put("key.converter.schemas.enable", "false");
                    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
                    config.put("value.converter.schemas.enable", "false");
                    config.put(PendoSourceConfig.INTEGRATION_KEY, fake.integrationKey());
                    config.put(PendoSourceConfig.BASE_URL, fake.baseUrl().toString());
                    config.put(PendoSourceConfig.TABLES, String.join(",", TABLES));
                    config.put(PendoSourceConfig.START_DATE, start.toString());
                    config.put(PendoSourceConfig.TOPIC_PREFIX, prefix);
                    long began = System.nanoTime();
                    connect.configureConnector("pendo-" + tasks, config);
                    long delivered = 0;
                    while (delivered < rows) {
                        Thread.sleep(100);
                        delivered = 0;
                        for (String table : TABLES) {
                            delivered += connect.kafka().endOffset(new TopicPartition(prefix + table, 0));
                        }
                        if ((System.nanoTime() - began) > Duration.ofMinutes(10).toNanos()) {
                            throw new IllegalStateException("only " + delivered + " of " + rows + " rows in 10 min");
                        }
                    }
                    double seconds = (System.nanoTime() - began) / 1e9;
                    connect.deleteConnector("pendo-" + tasks);
                    print("connector into Kafka, tasks.max=" + tasks, delivered, seconds, discardSeconds);
                }
            } finally {
                connect.stop();
            }
        }
    }

    private static void print(String what, long rows, double seconds, double discardSeconds) {
        System.out.println(String.format(
                Locale.ROOT,
                "RESULT | %s | %,d | %.1f | %,.0f | %.2f |",
                what,
                rows,
                seconds,
                rows / seconds,
                discardSeconds / seconds));
    }
}
