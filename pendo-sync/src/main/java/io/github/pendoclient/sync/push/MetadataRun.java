package io.github.pendoclient.sync.push;

import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.sync.push.internal.Fingerprints;
import io.github.pendoclient.sync.push.internal.PushState;
import io.github.pendoclient.sync.push.internal.ValueConverter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A metadata push: check the mapping against the schema, diff each row against the state, send in batches. */
final class MetadataRun {

    private static final int PROGRESS_EVERY = 5_000;

    private final PushEngine engine;
    private final PushTarget target;
    private final PushSource source;
    private final List<String> columns;
    private final PushRun.Counters counters;
    private final Map<String, String> types = new LinkedHashMap<>();
    private final List<Pending> batch = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private PushState state;

    private record Pending(long rowNumber, Map<String, Object> row, String id, Map<String, Object> values, long fp) {}

    MetadataRun(PushEngine engine, PushTarget target, PushSource source, List<String> columns, PushRun.Counters c) {
        this.engine = engine;
        this.target = target;
        this.source = source;
        this.columns = columns;
        this.counters = c;
    }

    PushResult run() throws IOException {
        check();
        String job = engine.kind() + "/" + engine.group();
        try (PushState loaded = PushRun.openState(engine, job)) {
            state = loaded;
            engine.listener().started(source.describe(), engine.kind());
            for (Optional<PushRow> next = source.next(); next.isPresent(); next = source.next()) {
                read(next.get());
            }
            flush();
            if (engine.onMissing() == OnMissing.CLEAR) {
                clearGone();
            }
            if (!engine.dryRun()) {
                state.compact();
            }
        }
        PushResult result = counters.result();
        engine.listener().finished(result);
        return result;
    }

    private void check() {
        if (engine.idColumn() == null) {
            throw new PushConfigurationException("Say which column holds the " + noun() + " id: idColumn(...)");
        }
        if (engine.mappings().isEmpty()) {
            throw new PushConfigurationException("Map at least one column to a Pendo field: map(column, field)");
        }
        PushRun.requireColumn(columns, engine.idColumn(), "id");
        engine.mappings().keySet().forEach(column -> PushRun.requireColumn(columns, column, "mapped"));
        Map<String, String> known = target.fields(engine.kind(), engine.group());
        for (String field : engine.mappings().values()) {
            String type = known.get(field);
            if (type == null && !engine.createFields()) {
                throw new PushConfigurationException("The field '" + field + "' is not in Pendo's " + noun() + " "
                        + engine.group() + " metadata; known fields: "
                        + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known.keySet())))
                        + ". Fix the mapping, define the field in Pendo (Data Mappings), or allow createFields to"
                        + " create it on write");
            }
            if (type == null && !types.containsKey(field)) {
                counters.fieldsCreated++;
            }
            types.put(field, type == null ? "" : type);
        }
    }

    private void read(PushRow row) throws IOException {
        counters.rowsRead++;
        if (counters.rowsRead % PROGRESS_EVERY == 0) {
            engine.listener().progress(counters.result());
        }
        Object rawId = row.get(engine.idColumn());
        String id = rawId == null ? "" : rawId.toString().trim();
        if (id.isEmpty()) {
            reject(
                    row.number(),
                    row.values(),
                    PushReject.Reason.INVALID_VALUE,
                    "the id column '" + engine.idColumn() + "' is empty");
            return;
        }
        if (!seen.add(id)) {
            reject(
                    row.number(),
                    row.values(),
                    PushReject.Reason.INVALID_VALUE,
                    "the id '" + id + "' appears again; only its first row is sent");
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> mapping : engine.mappings().entrySet()) {
            String field = mapping.getValue();
            try {
                values.put(field, ValueConverter.convert(row.get(mapping.getKey()), types.get(field)));
            } catch (ValueConverter.ConversionException bad) {
                reject(
                        row.number(),
                        row.values(),
                        PushReject.Reason.INVALID_VALUE,
                        "column '" + mapping.getKey() + "' for field '" + field + "' (" + types.get(field) + "): "
                                + bad.getMessage());
                return;
            }
        }
        long fp = Fingerprints.of(values);
        Long previous = state.fingerprint(id);
        boolean retryMissing = engine.createMissing() && state.wasMissing(id);
        if (!engine.full() && previous != null && previous == fp && !retryMissing) {
            counters.unchanged++;
            return;
        }
        if (previous == null) {
            counters.newObjects++;
        } else {
            counters.changedObjects++;
        }
        batch.add(new Pending(row.number(), row.values(), id, values, fp));
        if (batch.size() >= engine.batchSize()) {
            flush();
        }
    }

    private void flush() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<Pending> sending = new ArrayList<>(batch);
        batch.clear();
        engine.listener().request(describe(sending.size(), engine.createMissing()));
        if (engine.dryRun()) {
            counters.sent += sending.size();
            engine.listener().progress(counters.result());
            return;
        }
        List<MetadataRow> rows = new ArrayList<>(sending.size());
        Map<String, Pending> byId = new LinkedHashMap<>();
        for (Pending pending : sending) {
            rows.add(new MetadataRow(pending.id(), pending.values()));
            byId.put(pending.id(), pending);
        }
        PushTarget.UpdateResult result = target.update(engine.kind(), engine.group(), rows, engine.createMissing());
        counters.requests += result.requests();
        for (String id : result.accepted()) {
            Pending pending = byId.get(id);
            if (pending != null) {
                state.put(id, pending.fp(), false);
                counters.sent++;
            }
        }
        for (String id : result.missing()) {
            Pending pending = byId.get(id);
            if (pending != null) {
                state.put(id, pending.fp(), true);
                counters.skippedMissing++;
                reject(
                        pending.rowNumber(),
                        pending.row(),
                        PushReject.Reason.MISSING,
                        "Pendo does not know " + noun() + " '" + id + "'; it was skipped"
                                + " (createMissing creates unknown " + noun() + "s)");
            }
        }
        for (Map.Entry<String, String> refused : result.rejected().entrySet()) {
            Pending pending = byId.get(refused.getKey());
            if (pending != null) {
                reject(pending.rowNumber(), pending.row(), PushReject.Reason.REJECTED_BY_PENDO, refused.getValue());
            }
        }
        state.checkpoint();
        engine.listener().progress(counters.result());
    }

    private void clearGone() throws IOException {
        List<String> gone = new ArrayList<>();
        for (String id : state.ids()) {
            if (!seen.contains(id) && !state.wasMissing(id)) {
                gone.add(id);
            }
        }
        gone.sort(null);
        Map<String, Object> nulls = new LinkedHashMap<>();
        engine.mappings().values().forEach(field -> nulls.put(field, null));
        for (int start = 0; start < gone.size(); start += engine.batchSize()) {
            List<String> ids = gone.subList(start, Math.min(gone.size(), start + engine.batchSize()));
            engine.listener().request(describe(ids.size(), false) + " to clear objects gone from the source");
            if (engine.dryRun()) {
                counters.cleared += ids.size();
                continue;
            }
            List<MetadataRow> rows = new ArrayList<>();
            ids.forEach(id -> rows.add(new MetadataRow(id, nulls)));
            PushTarget.UpdateResult result = target.update(engine.kind(), engine.group(), rows, false);
            counters.requests += result.requests();
            for (String id : result.accepted()) {
                state.remove(id);
                counters.cleared++;
            }
            result.missing().forEach(state::remove);
            for (Map.Entry<String, String> refused : result.rejected().entrySet()) {
                reject(
                        0,
                        Map.of(engine.idColumn(), refused.getKey()),
                        PushReject.Reason.REJECTED_BY_PENDO,
                        "clearing: " + refused.getValue());
            }
            state.checkpoint();
        }
    }

    private void reject(long rowNumber, Map<String, Object> row, PushReject.Reason reason, String message)
            throws IOException {
        if (reason != PushReject.Reason.MISSING) {
            counters.rejected++;
        }
        PushReject reject = new PushReject(rowNumber, row, reason, message);
        if (!engine.dryRun()) {
            engine.rejects().accept(reject);
        }
        engine.listener().rejected(reject);
    }

    private String describe(int rows, boolean create) {
        return "POST /api/v1/metadata/"
                + engine.kind().metadataKind().orElseThrow().path() + "/" + engine.group()
                + "/value" + (create ? "?create=true" : "") + " (" + rows + " rows; fields "
                + String.join(", ", engine.mappings().values()) + ")";
    }

    private String noun() {
        return switch (engine.kind()) {
            case ACCOUNT -> "account";
            case PARENT_ACCOUNT -> "parent account";
            default -> "visitor";
        };
    }
}
