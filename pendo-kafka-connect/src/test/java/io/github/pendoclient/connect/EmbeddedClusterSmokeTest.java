package io.github.pendoclient.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.Test;

class EmbeddedClusterSmokeTest {
    static java.util.Properties props() {
        java.util.Properties p = new java.util.Properties();
        p.put("offsets.topic.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }
    @Test
    void startsAndStops() {
        long t0 = System.nanoTime();
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                .name("smoke").numWorkers(1).numBrokers(1)
                .workerProps(new java.util.HashMap<>(Map.of("offset.flush.interval.ms", "500", "plugin.discovery", "service_load")))
                .brokerProps(props())
                .build();
        connect.start();
        long t1 = System.nanoTime();
        System.out.printf("STARTUP %d ms%n", (t1 - t0) / 1_000_000);
        assertThat(connect.anyWorkersHealthy()).isTrue();
        connect.stop();
        System.out.printf("STOP %d ms%n", (System.nanoTime() - t1) / 1_000_000);
    }
}
