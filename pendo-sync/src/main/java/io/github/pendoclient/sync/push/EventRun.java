package io.github.pendoclient.sync.push;

import io.github.pendoclient.sync.push.internal.Fingerprints;
import io.github.pendoclient.sync.push.internal.PushState;
import io.github.pendoclient.sync.push.internal.ValueConverter;
import io.github.pendoclient.track.InvalidTrackEventException;
import io.github.pendoclient.track.TrackEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A track event push. Each event's unique key is written to the state as pending (and forced to disk) before the
 * event is sent, and as delivered once Pendo accepts it: a key still pending on the next run belongs to an event
 * whose outcome is unknown, which is sent again and counted in {@link PushResult#outcomeUnknown()}.
 */
final class EventRun {

    private final PushEngine engine;
    private final PushTarget target;
    private final PushSource source;
    private final List<String> columns;
    private final PushRun.Counters counters;
    private final PushEventOptions options;
    private final List<String> propertyColumns = new ArrayList<>();
    private final List<Pending> batch = new ArrayList<>();
    private final Set<Long> seen = new HashSet<>();
    private PushState state;

    private record Pending(long rowNumber, Map<String, Object> row, long key, TrackEvent event, boolean wasPending) {}

    EventRun(PushEngine engine, PushTarget target, PushSource source, List<String> columns, PushRun.Counters c) {
        this.engine = engine;
        this.target = target;
        this.source = source;
        this.columns = columns;
        this.counters = c;
        this.options = engine.events();
    }

    PushResult run() throws IOException {
        check();
        try (PushState loaded = PushRun.openState(engine, "TRACK_EVENT")) {
            state = loaded;
            engine.listener().started(source.describe(), engine.kind());
            for (Optional<PushRow> next = source.next(); next.isPresent(); next = source.next()) {
                read(next.get());
            }
            flush();
            if (!engine.dryRun()) {
                state.compact();
            }
        }
        PushResult result = counters.result();
        engine.listener().finished(result);
        return result;
    }

    private void check() {
        if (options == null) {
            throw new PushConfigurationException("Pushing track events needs events(PushEventOptions...)");
        }
        String visitor = options.visitorIdColumn()
                .orElseThrow(() -> new PushConfigurationException("Say which column holds the visitor id"));
        String key = options.uniqueKeyColumn()
                .orElseThrow(() -> new PushConfigurationException(
                        "Say which column holds each event's unique key, so that no event is sent twice"));
        if (options.name().isEmpty() && options.nameColumn().isEmpty()) {
            throw new PushConfigurationException("Give the event name as a constant or a column");
        }
        List<String> used = new ArrayList<>(List.of(visitor, key));
        options.nameColumn().ifPresent(used::add);
        options.accountIdColumn().ifPresent(used::add);
        options.timestampColumn().ifPresent(used::add);
        used.forEach(column -> PushRun.requireColumn(columns, column, "event"));
        if (options.propertyColumns().isEmpty()) {
            columns.stream().filter(column -> !used.contains(column)).forEach(propertyColumns::add);
        } else {
            options.propertyColumns().forEach(column -> PushRun.requireColumn(columns, column, "property"));
            propertyColumns.addAll(options.propertyColumns());
        }
    }

    private void read(PushRow row) throws IOException {
        counters.rowsRead++;
        String keyText = text(row.get(options.uniqueKeyColumn().orElseThrow()));
        if (keyText == null) {
            reject(row.number(), row.values(), PushReject.Reason.INVALID_EVENT, "the unique key is empty");
            return;
        }
        long key = Fingerprints.ofKey(keyText);
        if (state.delivered(key) || !seen.add(key)) {
            counters.unchanged++;
            return;
        }
        TrackEvent event;
        try {
            event = event(row);
        } catch (InvalidTrackEventException | ValueConverter.ConversionException invalid) {
            reject(row.number(), row.values(), PushReject.Reason.INVALID_EVENT, invalid.getMessage());
            return;
        }
        counters.newObjects++;
        batch.add(new Pending(row.number(), row.values(), key, event, state.pending(key)));
        if (batch.size() >= engine.batchSize()) {
            flush();
        }
    }

    private TrackEvent event(PushRow row) throws ValueConverter.ConversionException {
        TrackEvent.Builder builder = TrackEvent.builder()
                .event(options.name()
                        .orElseGet(() -> text(row.get(options.nameColumn().orElseThrow()))))
                .visitorId(text(row.get(options.visitorIdColumn().orElseThrow())));
        options.accountIdColumn().map(column -> text(row.get(column))).ifPresent(builder::accountId);
        Object time = options.timestampColumn().map(row::get).orElse(null);
        builder.timestamp(
                time == null ? Instant.now() : Instant.ofEpochMilli((Long) ValueConverter.convert(time, "time")));
        for (String column : propertyColumns) {
            Object value = ValueConverter.convert(row.get(column), "");
            if (value != null) {
                builder.property(column, value);
            }
        }
        return builder.build();
    }

    private void flush() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<Pending> sending = new ArrayList<>(batch);
        batch.clear();
        engine.listener().request("POST /data/track (" + sending.size() + " events, one request each)");
        if (engine.dryRun()) {
            counters.sent += sending.size();
            engine.listener().progress(counters.result());
            return;
        }
        List<TrackEvent> events = new ArrayList<>(sending.size());
        for (Pending pending : sending) {
            state.markPending(pending.key());
            events.add(pending.event());
        }
        state.checkpoint();
        List<PushTarget.EventOutcome> outcomes = target.send(events);
        counters.requests += sending.size();
        PushTarget.EventOutcome refused = null;
        for (int i = 0; i < sending.size(); i++) {
            Pending pending = sending.get(i);
            PushTarget.EventOutcome outcome = outcomes.get(i);
            switch (outcome.status()) {
                case DELIVERED -> {
                    state.markDelivered(pending.key());
                    counters.sent++;
                    counters.eventsDelivered++;
                    if (pending.wasPending()) {
                        counters.outcomeUnknown++;
                    }
                }
                case REJECTED -> {
                    state.settle(pending.key());
                    reject(pending.rowNumber(), pending.row(), PushReject.Reason.REJECTED_BY_PENDO, outcome.message());
                }
                case CREDENTIALS_REFUSED -> {
                    // Pendo answered: this attempt was not applied. A key pending from an earlier run stays pending,
                    // since that run's attempt may have reached Pendo.
                    if (!pending.wasPending()) {
                        state.settle(pending.key());
                    }
                    if (refused == null) {
                        refused = outcome;
                    }
                }
                case OUTCOME_UNKNOWN -> {
                    counters.outcomeUnknown++;
                    report(pending, outcome.message());
                }
            }
        }
        state.checkpoint();
        if (refused != null) {
            throw PushRun.refused(engine.kind(), refused.statusCode(), counters.result(), null);
        }
        engine.listener().progress(counters.result());
    }

    private void report(Pending pending, String message) throws IOException {
        PushReject reject = new PushReject(
                pending.rowNumber(),
                pending.row(),
                PushReject.Reason.OUTCOME_UNKNOWN,
                "the event may or may not have reached Pendo (" + message + "); it is sent again on the next run");
        engine.rejects().accept(reject);
        engine.listener().rejected(reject);
    }

    private void reject(long rowNumber, Map<String, Object> row, PushReject.Reason reason, String message)
            throws IOException {
        counters.rejected++;
        PushReject reject = new PushReject(rowNumber, row, reason, message);
        if (!engine.dryRun()) {
            engine.rejects().accept(reject);
        }
        engine.listener().rejected(reject);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }
}
