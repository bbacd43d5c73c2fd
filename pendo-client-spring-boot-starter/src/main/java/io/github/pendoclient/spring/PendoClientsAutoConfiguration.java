package io.github.pendoclient.spring;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackSender;
import io.github.pendoclient.track.TrackSenderOptions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures what is built on the clients: an {@link AggregationClient} on the {@link PendoClient} bean, and a
 * {@link TrackSender} on the {@link TrackClient} bean (whether auto-configured or the application's), each unless
 * the application defines its own. The sender is closed with the context: events queued before then are delivered
 * within {@code pendo.track.sender.close-timeout}.
 */
@AutoConfiguration(after = PendoAutoConfiguration.class)
public class PendoClientsAutoConfiguration {

    /** Made by Spring. */
    public PendoClientsAutoConfiguration() {}

    /**
     * The aggregation client.
     *
     * @param client the Pendo client
     * @return the aggregation client
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PendoClient.class)
    public AggregationClient pendoAggregationClient(PendoClient client) {
        return AggregationClient.create(client);
    }

    /**
     * The queued track sender, flushed and closed with the context.
     *
     * @param client the track client
     * @param properties the {@code pendo.*} settings
     * @return the sender
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean(TrackClient.class)
    @ConditionalOnProperty(prefix = "pendo.track.sender", name = "enabled", matchIfMissing = true)
    public TrackSender pendoTrackSender(TrackClient client, PendoProperties properties) {
        return client.sender(options(properties.getTrack().getSender()));
    }

    static TrackSenderOptions options(SenderProperties sender) {
        TrackSenderOptions.Builder builder = TrackSenderOptions.builder();
        if (sender.getQueueCapacity() != null) {
            builder.queueCapacity(sender.getQueueCapacity());
        }
        if (sender.getConcurrency() != null) {
            builder.concurrency(sender.getConcurrency());
        }
        if (sender.getOverflow() != null) {
            builder.overflow(sender.getOverflow());
        }
        if (sender.getBlockTimeout() != null) {
            builder.blockTimeout(sender.getBlockTimeout());
        }
        if (sender.getCloseTimeout() != null) {
            builder.closeTimeout(sender.getCloseTimeout());
        }
        if (sender.getMaxAttempts() != null) {
            builder.maxAttempts(sender.getMaxAttempts());
        }
        return builder.build();
    }
}
