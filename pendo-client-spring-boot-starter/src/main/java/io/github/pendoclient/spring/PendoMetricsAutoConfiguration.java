package io.github.pendoclient.spring;

import io.github.pendoclient.micrometer.PendoMeterBinder;
import io.github.pendoclient.track.TrackSender;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the Micrometer binding when {@code pendo-client-micrometer} is on the class path and the
 * application has a {@link MeterRegistry}: a {@link PendoMeterBinder} that the auto-configured clients use as their
 * event listener, and queue gauges for every {@link TrackSender} bean, tagged with the bean's name.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass({MeterRegistry.class, PendoMeterBinder.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "pendo.metrics", name = "enabled", matchIfMissing = true)
public class PendoMetricsAutoConfiguration {

    /** Made by Spring. */
    public PendoMetricsAutoConfiguration() {}

    /**
     * The binding, which the auto-configured clients take as their event listener.
     *
     * @param registry the application's registry
     * @return the binder
     */
    @Bean
    @ConditionalOnMissingBean
    public PendoMeterBinder pendoMeterBinder(MeterRegistry registry) {
        return PendoMeterBinder.create(registry);
    }

    /**
     * Binds every {@link TrackSender} bean's queue gauges once the singletons exist.
     *
     * @param binder the binder
     * @param beans the application's beans
     * @return the callback that binds them
     */
    @Bean
    public SmartInitializingSingleton pendoTrackSenderGauges(PendoMeterBinder binder, ListableBeanFactory beans) {
        return () -> beans.getBeansOfType(TrackSender.class, false, false)
                .forEach((name, sender) -> binder.bindSender(sender, name));
    }
}
