package io.github.pendoclient.connect.internal;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.connect.PendoSinkConfig;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.sync.push.PendoTarget;
import io.github.pendoclient.sync.push.PushKind;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.ValidationMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;

/** Builds a sink task's mapper and delivery for its mode, with the SDK client of that mode. */
public final class SinkDeliveries {

    private SinkDeliveries() {}

    /**
     * A task's mapping and delivery.
     *
     * @param mapper record to payload; throws {@link UnmappableRecordException}
     * @param delivery where payloads go
     */
    public record Started(Function<SinkRecord, Object> mapper, Delivery<Object> delivery) {}

    /**
     * Starts the mode's delivery.
     *
     * @param config the settings
     * @param tasks tasks sharing the request budget
     * @param outcomes where outcomes go
     * @return the mapper and the delivery
     * @throws ConnectException if metadata mode cannot read the group's schema
     */
    public static Started start(PendoSinkConfig config, int tasks, Outcomes outcomes) {
        RateLimitOptions budget = RateLimitOptions.perSecond(config.requestsPerSecond() / Math.max(1, tasks));
        String application = "pendo-kafka-connect/" + Version.get();
        if (config.trackMode()) {
            TrackClient.Builder builder = TrackClient.builder()
                    .sharedSecret(config.credential().value())
                    .region(config.region())
                    .rateLimit(budget)
                    .applicationName(application)
                    .validation(
                            "lenient".equals(config.text(PendoSinkConfig.TRACK_VALIDATION))
                                    ? ValidationMode.LENIENT
                                    : ValidationMode.STRICT);
            config.baseUrl().ifPresent(builder::baseUrl);
            TrackMapper mapper = trackMapper(config);
            TrackDelivery track = new TrackDelivery(
                    builder.build(),
                    config.getInt(PendoSinkConfig.MAX_IN_FLIGHT),
                    config.getInt(PendoSinkConfig.MAX_BUFFERED_RECORDS),
                    outcomes,
                    PendoSinkConfig.SHARED_SECRET);
            return new Started(mapper::map, adapt(track, TrackEvent.class));
        }
        // The task's own OkHttp client, so that stop() can cancel a call blocked on the network.
        OkHttpClient okHttp = new OkHttpClient();
        // One clock for the client's retries and rate limit and for the delivery's backoff between sends.
        TimeSource time = TimeSource.system();
        PendoClient.Builder builder = PendoClient.builder()
                .okHttpClient(okHttp)
                .timeSource(time)
                .integrationKey(config.credential().value())
                .region(config.region())
                .rateLimit(budget)
                .applicationName(application);
        config.baseUrl().ifPresent(builder::baseUrl);
        PendoClient client = builder.build();
        Runnable release = () -> {
            okHttp.dispatcher().cancelAll();
            client.close();
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        };
        PushKind kind =
                "account".equals(config.text(PendoSinkConfig.METADATA_KIND)) ? PushKind.ACCOUNT : PushKind.VISITOR;
        String who = kind.name().toLowerCase(Locale.ROOT);
        String group = config.text(PendoSinkConfig.METADATA_GROUP);
        PendoTarget target = new PendoTarget(client, null);
        Map<String, String> types;
        try {
            types = target.fields(kind, group);
        } catch (PendoException e) {
            release.run();
            throw new ConnectException(
                    "Could not read Pendo's " + who + " metadata schema, which types the fields of group '" + group
                            + "' (" + e.getMessage() + "); check " + PendoSinkConfig.INTEGRATION_KEY
                            + " and the region, then restart the task",
                    e);
        }
        if (types.isEmpty()) {
            release.run();
            throw new ConnectException("Pendo's " + who + " metadata schema has no group '" + group + "' ("
                    + PendoSinkConfig.METADATA_GROUP + "); define its fields in Data Mappings, or use custom or agent");
        }
        MetadataMapper mapper =
                new MetadataMapper(who, group, config.text(PendoSinkConfig.METADATA_ID_FIELD), mapping(config), types);
        MetadataDelivery metadata = new MetadataDelivery(
                target,
                kind,
                group,
                config.getInt(PendoSinkConfig.METADATA_BATCH_SIZE),
                config.getBoolean(PendoSinkConfig.METADATA_CREATE),
                outcomes,
                PendoSinkConfig.INTEGRATION_KEY,
                release,
                time);
        return new Started(mapper::map, adapt(metadata, MetadataRow.class));
    }

    /**
     * The track mapper of the settings.
     *
     * @param config the settings
     * @return the mapper
     */
    public static TrackMapper trackMapper(PendoSinkConfig config) {
        return new TrackMapper(
                config.text(PendoSinkConfig.TRACK_EVENT_NAME),
                config.text(PendoSinkConfig.TRACK_EVENT_NAME_FIELD),
                config.text(PendoSinkConfig.TRACK_VISITOR_ID_FIELD),
                config.text(PendoSinkConfig.TRACK_ACCOUNT_ID_FIELD),
                config.text(PendoSinkConfig.TRACK_TIMESTAMP_FIELD),
                mapping(config),
                TrackMapper.EventId.valueOf(
                        config.text(PendoSinkConfig.TRACK_EVENT_ID).toUpperCase(Locale.ROOT)),
                config.text(PendoSinkConfig.TRACK_EVENT_ID_FIELD),
                config.text(PendoSinkConfig.TRACK_EVENT_ID_PROPERTY),
                Instant::now);
    }

    private static FieldMapping mapping(PendoSinkConfig config) {
        return FieldMapping.parse(config.getList(
                config.trackMode() ? PendoSinkConfig.TRACK_PROPERTIES : PendoSinkConfig.METADATA_FIELDS));
    }

    private static <T> Delivery<Object> adapt(Delivery<T> delivery, Class<T> type) {
        return new Delivery<>() {
            @Override
            public void submit(Pending pending, Object payload) {
                delivery.submit(pending, type.cast(payload));
            }

            @Override
            public void close(Duration timeout) {
                delivery.close(timeout);
            }
        };
    }
}
