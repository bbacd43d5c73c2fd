package io.github.pendoclient.connect;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.connect.internal.TableSchemas;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.SyncEngine;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.sync.SyncState;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.sync.TableResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/** What the connector must deliver: the keys pendo-sync's own engine reads from the same fake, per table. */
final class Reference {

    private Reference() {}

    /**
     * Syncs the tables with the engine into memory.
     *
     * @return table name to the set of its row keys, as {@link #key(Struct)} writes them
     */
    static Map<String, Set<String>> keys(PendoClient client, SyncOptions settings, List<String> tables)
            throws IOException {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        Path dir = Files.createTempDirectory("pendo-connect-reference");
        try (Sink sink = new KeyCollector(keys)) {
            SyncEngine engine = SyncEngine.builder()
                    .client(client)
                    .sink(sink)
                    .state(SyncState.load(dir.resolve("state.json")))
                    .settings(settings)
                    .build();
            for (String name : tables) {
                keys.put(name, new HashSet<>());
                TableResult result = engine.sync(TableRegistry.standard().get(name));
                if (result.error().isPresent()) {
                    throw new IllegalStateException(result.error().get());
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) { // the build leaves nothing in the temp directory
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return keys;
    }

    /** A key as text: its fields' values joined with '|', timestamps as epoch milliseconds. */
    static String key(Struct key) {
        List<String> parts = new ArrayList<>();
        for (Field field : key.schema().fields()) {
            Object value = key.get(field);
            parts.add(value instanceof Date date ? String.valueOf(date.getTime()) : String.valueOf(value));
        }
        return String.join("|", parts);
    }

    /** A row's key as {@link #key(Struct)} writes it. */
    static String key(Table table, Map<String, Object> row) {
        return key(new TableSchemas(table).key(row));
    }

    private static final class KeyCollector implements Sink {
        private final Map<String, Set<String>> keys;

        KeyCollector(Map<String, Set<String>> keys) {
            this.keys = keys;
        }

        @Override
        public void open(Table table, OptionalLong position) {}

        @Override
        public void write(Table table, Map<String, Object> row) {
            keys.get(table.name()).add(key(table, row));
        }

        @Override
        public OptionalLong commit(Table table) {
            return OptionalLong.empty();
        }

        @Override
        public void replace(Table table, List<Map<String, Object>> rows) {
            for (Map<String, Object> row : rows) {
                write(table, row);
            }
        }

        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public void close() {}
    }
}
