package io.github.pendoclient.connect;

import io.github.pendoclient.connect.internal.SettingRules;
import io.github.pendoclient.connect.internal.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * A Kafka Connect sink for Pendo: records of the connector's topics become track events ({@code pendo.mode=track},
 * one event per record) or metadata updates ({@code pendo.mode=metadata}, one visitor or account per record),
 * from Struct records (any converter with schemas) or schemaless maps (JSON without schemas). Delivery is at least
 * once: offsets are committed only for records Pendo accepted. Records that cannot be mapped or that Pendo rejects
 * go to the dead letter queue with {@code errors.tolerance=all}. Settings: {@link PendoSinkConfig}; the tasks:
 * {@link PendoSinkTask}.
 */
public final class PendoSinkConnector extends SinkConnector {

    private Map<String, String> props;

    /** Creates the connector; Connect calls this. */
    public PendoSinkConnector() {}

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new PendoSinkConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return PendoSinkTask.class;
    }

    /**
     * {@code maxTasks} configs: the connector's settings plus the task count, which divides the request budget.
     * Connect spreads the topics' partitions over the tasks. Settings given through a config provider stay
     * placeholders here; Connect resolves them on the worker that runs the task.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(PendoSinkTask.TASK_COUNT, String.valueOf(maxTasks));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return PendoSinkConfig.configDef();
    }

    /**
     * Checks each setting with its own validator, then the rules between settings that {@link PendoSinkConfig}
     * applies at start, so a config that validates also starts.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return SettingRules.addProblems(super.validate(connectorConfigs), PendoSinkConfig::problemsBetweenSettings);
    }
}
