package io.github.pendoclient.connect;

import io.github.pendoclient.connect.internal.Assignment;
import io.github.pendoclient.connect.internal.SettingRules;
import io.github.pendoclient.connect.internal.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A Kafka Connect source for Pendo: the tables of pendo-sync, one source partition and one topic per table,
 * spread over {@code tasks.max} tasks. Offsets are the sync engine's checkpoints (keyset positions, covered time
 * windows), so a restarted or rebalanced task resumes where the committed offset says; rows delivered after the
 * last commit are sent again with the same keys (at-least-once; deduplicate on the record key, for example with a
 * compacted topic or an upserting sink). Settings: {@link PendoSourceConfig}.
 */
public final class PendoSourceConnector extends SourceConnector {

    private Map<String, String> props;
    private PendoSourceConfig config;

    /** Creates the connector; Connect calls this. */
    public PendoSourceConnector() {}

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.config = new PendoSourceConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return PendoSourceTask.class;
    }

    /**
     * One config per task: the connector's settings plus the task's tables and the task count, which divides the
     * request budget. Settings given through a config provider stay placeholders here; Connect resolves them on
     * the worker that runs the task.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<List<String>> groups = Assignment.spread(config.tables(), maxTasks);
        List<Map<String, String>> configs = new ArrayList<>(groups.size());
        for (List<String> tables : groups) {
            Map<String, String> task = new HashMap<>(props);
            task.put(PendoSourceTask.TASK_TABLES, String.join(",", tables));
            task.put(PendoSourceTask.TASK_COUNT, String.valueOf(groups.size()));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return PendoSourceConfig.configDef();
    }

    /**
     * Checks each setting with its own validator, as every connector does, and then the rules between settings
     * that {@link PendoSourceConfig} applies at start, so a config that validates also starts.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return SettingRules.addProblems(super.validate(connectorConfigs), PendoSourceConfig::problemsBetweenSettings);
    }

    /** Exactly-once is not offered: rows after the last committed offset are sent again. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.UNSUPPORTED;
    }
}
