package io.github.pendoclient.spring;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the integration key and the track shared secret in {@code /actuator/env} and {@code /actuator/configprops}
 * even when {@code management.endpoint.*.show-values} shows other values: by property name
 * ({@code pendo.integration-key}, {@code pendo.track.shared-secret}), by bound name ({@code integrationKey},
 * {@code sharedSecret}) and by environment variable ({@code PENDO_INTEGRATION_KEY},
 * {@code PENDO_TRACK_SHARED_SECRET}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class PendoSecretsAutoConfiguration {

    /** Made by Spring. */
    public PendoSecretsAutoConfiguration() {}

    /**
     * The function that masks the two secrets.
     *
     * @return the function
     */
    @Bean
    public SanitizingFunction pendoSecretsSanitizingFunction() {
        return data -> isSecret(data) ? data.withSanitizedValue() : data;
    }

    static boolean isSecret(SanitizableData data) {
        String key = data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return key.endsWith("integrationkey") || key.endsWith("sharedsecret");
    }
}
