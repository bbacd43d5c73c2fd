package io.github.pendoclient.spring;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.Region;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.http.ClientBuilder;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.track.TrackClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a {@link PendoClient} when {@code pendo.integration-key} is set and a {@link TrackClient} when
 * {@code pendo.track.shared-secret} is set, each unless the application defines its own. Both get the application's
 * {@link PendoEventListener} bean when there is exactly one (the Micrometer binding is one).
 */
@AutoConfiguration
@EnableConfigurationProperties(PendoProperties.class)
public class PendoAutoConfiguration {

    /** Made by Spring. */
    public PendoAutoConfiguration() {}

    /**
     * The Pendo client, closed with the context.
     *
     * @param properties the {@code pendo.*} settings
     * @param listeners the application's event listener, if it has one
     * @return the client
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "pendo", name = "integration-key")
    public PendoClient pendoClient(PendoProperties properties, ObjectProvider<PendoEventListener> listeners) {
        PendoClient.Builder builder = PendoClient.builder().integrationKey(properties.getIntegrationKey());
        configure(builder, properties, properties.getBaseUrl(), listeners);
        TimeoutProperties timeouts = properties.getTimeouts();
        if (timeouts.getAggregation() != null) {
            builder.aggregationTimeout(timeouts.getAggregation());
        }
        return builder.build();
    }

    /**
     * The track client, closed with the context.
     *
     * @param properties the {@code pendo.*} settings
     * @param listeners the application's event listener, if it has one
     * @return the client
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "pendo.track", name = "shared-secret")
    public TrackClient pendoTrackClient(PendoProperties properties, ObjectProvider<PendoEventListener> listeners) {
        TrackClient.Builder builder =
                TrackClient.builder().sharedSecret(properties.getTrack().getSharedSecret());
        configure(builder, properties, properties.getTrack().getBaseUrl(), listeners);
        return builder.build();
    }

    /** The settings both clients share. */
    static void configure(
            ClientBuilder<?> builder,
            PendoProperties properties,
            String baseUrl,
            ObjectProvider<PendoEventListener> listeners) {
        if (properties.getRegion() != null) {
            builder.region(Region.parse(properties.getRegion()));
        }
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        TimeoutProperties timeouts = properties.getTimeouts();
        if (timeouts.getConnect() != null) {
            builder.connectTimeout(timeouts.getConnect());
        }
        if (timeouts.getRead() != null) {
            builder.readTimeout(timeouts.getRead());
        }
        if (timeouts.getWrite() != null) {
            builder.writeTimeout(timeouts.getWrite());
        }
        if (timeouts.getCall() != null) {
            builder.callTimeout(timeouts.getCall());
        }
        builder.retries(retries(properties.getRetries()));
        builder.rateLimit(rateLimit(properties.getRateLimit()));
        PendoEventListener listener = listeners.getIfUnique();
        if (listener != null) {
            builder.eventListener(listener);
        }
    }

    private static RetryOptions retries(RetryProperties retries) {
        RetryOptions.Builder builder = RetryOptions.defaults().toBuilder();
        if (retries.getMaxAttempts() != null) {
            builder.maxAttempts(retries.getMaxAttempts());
        }
        if (retries.getInitialBackoff() != null) {
            builder.initialBackoff(retries.getInitialBackoff());
        }
        if (retries.getMaxBackoff() != null) {
            builder.maxBackoff(retries.getMaxBackoff());
        }
        if (retries.getMaxElapsed() != null) {
            builder.maxElapsed(retries.getMaxElapsed());
        }
        return builder.build();
    }

    private static RateLimitOptions rateLimit(RateLimitProperties rateLimit) {
        if (!rateLimit.isEnabled()) {
            return RateLimitOptions.disabled();
        }
        return rateLimit.getPerSecond() == null
                ? RateLimitOptions.defaults()
                : RateLimitOptions.perSecond(rateLimit.getPerSecond());
    }
}
