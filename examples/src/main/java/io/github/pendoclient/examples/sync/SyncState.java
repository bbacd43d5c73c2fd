package io.github.pendoclient.examples.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state file: per table, its checkpoint (a keyset cursor, covered time ranges, or per-visitor days) and the
 * sink position that goes with it. Written atomically (a temporary file moved over the old one), so a kill leaves
 * either the old state or the new one.
 */
final class SyncState {

    private final Path file;
    private final Map<String, Map<String, Object>> tables;

    private SyncState(Path file, Map<String, Map<String, Object>> tables) {
        this.file = file;
        this.tables = tables;
    }

    @SuppressWarnings("unchecked")
    static SyncState load(Path file) throws IOException {
        Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Object json = JsonText.read(Files.readString(file, StandardCharsets.UTF_8));
            if (!(json instanceof Map<?, ?> map) || !(map.get("tables") instanceof Map<?, ?> saved)) {
                throw new IOException("The state file " + file + " is not pendo-sync state; move it away to start"
                        + " afresh");
            }
            saved.forEach((name, state) -> tables.put((String) name,
                    new LinkedHashMap<>((Map<String, Object>) state)));
        }
        return new SyncState(file, tables);
    }

    synchronized Map<String, Object> table(String name) {
        return tables.computeIfAbsent(name, n -> new LinkedHashMap<>());
    }

    synchronized void save() throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", 1L);
        json.put("tables", tables);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(partial, JsonText.write(json), StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
