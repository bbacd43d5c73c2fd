package io.github.pendoclient.spring;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.TimeSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code pendo} health indicator when Spring Boot's health support is present and a
 * {@link PendoClient} bean exists. Its clock is the application's {@link TimeSource} bean if it has one.
 */
@AutoConfiguration(after = PendoAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class PendoHealthAutoConfiguration {

    /** Made by Spring. */
    public PendoHealthAutoConfiguration() {}

    /**
     * The health indicator, named {@code pendo} in {@code /actuator/health}.
     *
     * @param client the client whose key is checked
     * @param properties the {@code pendo.*} settings
     * @param time the application's clock, if it has one
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "pendoHealthIndicator")
    @ConditionalOnBean(PendoClient.class)
    @ConditionalOnProperty(prefix = "pendo.health", name = "enabled", matchIfMissing = true)
    public PendoHealthIndicator pendoHealthIndicator(
            PendoClient client, PendoProperties properties, ObjectProvider<TimeSource> time) {
        return PendoHealthIndicator.create(
                client, properties.getHealth().getCacheFor(), time.getIfAvailable(TimeSource::system));
    }
}
