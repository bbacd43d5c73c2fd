package io.github.pendoclient.sync.sink;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON Lines keeps each row as the API returned it; its columns are read back from those lines. */
class JsonLinesSinkContractTest extends SinkContract {

    @Override
    String kind() {
        return "jsonl";
    }

    @Override
    String location() {
        return dir.resolve("jsonl").toString();
    }

    @Override
    boolean upserts() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> read(Table table) throws Exception {
        Path file = Path.of(location()).resolve(table.name() + ".jsonl");
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> expected(table, (Map<String, Object>) JsonValues.parse(line)))
                .collect(Collectors.toList());
    }
}
