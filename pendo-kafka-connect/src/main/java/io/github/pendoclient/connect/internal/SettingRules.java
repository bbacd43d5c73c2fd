package io.github.pendoclient.connect.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Rules that a combination of settings breaks, where no single setting's validator can see it: checked the same way
 * by a connector's {@code validate()} and by its config's constructor, so that a config that validates also starts.
 */
public final class SettingRules {

    /**
     * A rule broken by a combination of settings, reported on one of them.
     *
     * @param setting the setting the message belongs to
     * @param message what is wrong and what is accepted, naming the settings
     */
    public record Problem(String setting, String message) {}

    private SettingRules() {}

    /**
     * Adds each problem the rules find among the settings that passed their own validators to the setting it names.
     *
     * @param config the result of the per-setting validation; changed in place
     * @param rules the rules, given the parsed values of the valid settings
     * @return {@code config}
     */
    public static Config addProblems(Config config, Function<Map<String, Object>, List<Problem>> rules) {
        Map<String, ConfigValue> byName = new HashMap<>();
        Map<String, Object> parsed = new HashMap<>();
        for (ConfigValue value : config.configValues()) {
            byName.put(value.name(), value);
            if (value.errorMessages().isEmpty() && value.value() != null) {
                parsed.put(value.name(), value.value());
            }
        }
        for (Problem problem : rules.apply(parsed)) {
            byName.get(problem.setting()).addErrorMessage(problem.message());
        }
        return config;
    }

    /**
     * Fails on the first problem, for a config's constructor.
     *
     * @param problems the problems the rules found
     * @throws ConfigException with the first problem's message
     */
    public static void failOnFirst(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.get(0).message());
        }
    }
}
