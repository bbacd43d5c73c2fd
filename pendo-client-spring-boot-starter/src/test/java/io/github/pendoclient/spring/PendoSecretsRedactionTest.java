package io.github.pendoclient.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The key and the shared secret stay masked in {@code /actuator/configprops} and {@code /actuator/env} even when the
 * application shows values ({@code show-values: always}), and never reach the startup log.
 */
@ExtendWith(OutputCaptureExtension.class)
class PendoSecretsRedactionTest {

    private static final String KEY = "test-integration-key";
    private static final String SECRET = "test-shared-secret";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    PendoAutoConfiguration.class,
                    PendoClientsAutoConfiguration.class,
                    PendoHealthAutoConfiguration.class,
                    PendoSecretsAutoConfiguration.class))
            .withPropertyValues(
                    "pendo.integration-key=" + KEY,
                    "pendo.base-url=http://127.0.0.1:9/",
                    "pendo.track.shared-secret=" + SECRET,
                    "pendo.track.base-url=http://127.0.0.1:9/",
                    "pendo.track.sender.close-timeout=10ms");

    private static Iterable<SanitizingFunction> sanitizers(AssertableApplicationContext context) {
        return context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
    }

    private static Map<String, Object> pendoConfigProps(AssertableApplicationContext context, Show show) {
        ConfigurationPropertiesReportEndpoint endpoint =
                new ConfigurationPropertiesReportEndpoint(sanitizers(context), show);
        endpoint.setApplicationContext(context);
        var beans = endpoint.configurationPropertiesWithPrefix("pendo")
                .getContexts()
                .values()
                .iterator()
                .next()
                .getBeans();
        return beans.values().iterator().next().getProperties();
    }

    @Test
    void configpropsShowsTheKeyAndSecretMaskedWhileOtherValuesAreShown() {
        runner.run(context -> {
            Map<String, Object> properties = pendoConfigProps(context, Show.ALWAYS);

            assertThat(properties).containsEntry("integrationKey", "******");
            assertThat(properties).containsEntry("baseUrl", "http://127.0.0.1:9/");
            assertThat(((Map<?, ?>) properties.get("track")).get("sharedSecret"))
                    .isEqualTo("******");
            assertThat(properties.toString()).doesNotContain(KEY).doesNotContain(SECRET);
        });
    }

    @Test
    void configpropsByDefaultShowsNoValueAtAll() {
        runner.run(context -> {
            Map<String, Object> properties = pendoConfigProps(context, Show.NEVER);

            assertThat(properties).containsEntry("integrationKey", "******").containsEntry("baseUrl", "******");
        });
    }

    @Test
    void envShowsTheKeyAndSecretMaskedWhileOtherValuesAreShown() {
        runner.run(context -> {
            EnvironmentEndpoint endpoint =
                    new EnvironmentEndpoint(context.getEnvironment(), sanitizers(context), Show.ALWAYS);

            assertThat(endpoint.environmentEntry("pendo.integration-key")
                            .getProperty()
                            .getValue())
                    .isEqualTo("******");
            assertThat(endpoint.environmentEntry("pendo.track.shared-secret")
                            .getProperty()
                            .getValue())
                    .isEqualTo("******");
            assertThat(endpoint.environmentEntry("pendo.base-url").getProperty().getValue())
                    .isEqualTo("http://127.0.0.1:9/");
        });
    }

    @Test
    void environmentVariablesOfTheSecretsAreMaskedToo() {
        SanitizingFunction function = new PendoSecretsAutoConfiguration().pendoSecretsSanitizingFunction();
        var data = new org.springframework.boot.actuate.endpoint.SanitizableData(null, "PENDO_INTEGRATION_KEY", KEY);

        assertThat(function.apply(data).getValue()).isEqualTo("******");
    }

    @Test
    void theStartupLogNeverContainsTheKeyOrTheSecret(CapturedOutput output) {
        runner.withPropertyValues("debug=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(io.github.pendoclient.PendoClient.class).toString())
                    .doesNotContain(KEY);
        });

        assertThat(output.getAll()).doesNotContain(KEY).doesNotContain(SECRET);
    }
}
