package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.GuideRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The catalog endpoints (features, pages, track types, guides) and the guide updates. Thread-safe. */
final class CatalogHandler {

    private final Dataset dataset;
    private final Map<String, String> guideStates = new HashMap<>();

    CatalogHandler(Dataset dataset) {
        this.dataset = dataset;
    }

    /**
     * A catalog list, filtered by app and by {@code id} (comma-separated; an unknown id is a 404). The apps are
     * Pendo's: {@code appId} names one, {@code expand=*} means every app, and neither means the default app only.
     */
    static Answer list(List<Map<String, Object>> items, Map<String, String> query, String noun) {
        List<Map<String, Object>> result = items;
        String appId = query.get("appId");
        String expand = query.get("expand");
        if (appId != null || expand == null || !FakeApi.decodeQuery(expand).equals("*")) {
            long app = appId != null ? Long.parseLong(FakeApi.decodeQuery(appId)) : Dataset.DEFAULT_APP_ID;
            result = result.stream()
                    .filter(item -> item.get("appId") instanceof Number n && n.longValue() == app)
                    .toList();
        }
        String ids = query.get("id");
        if (ids != null) {
            List<Map<String, Object>> found = new ArrayList<>();
            for (String id : ids.split(",")) {
                String wanted = FakeApi.decodeQuery(id.strip());
                Map<String, Object> item = result.stream()
                        .filter(i -> wanted.equals(i.get("id")))
                        .findFirst()
                        .orElse(null);
                if (item == null) {
                    return Answer.error(404, "No " + noun + " with id " + wanted);
                }
                found.add(item);
            }
            result = found;
        }
        return Answer.json(200, JsonValues.toJson(result));
    }

    /** The guides, with the states requests set. */
    List<GuideRow> guides() {
        Map<String, String> states;
        synchronized (guideStates) {
            if (guideStates.isEmpty()) {
                return dataset.guides();
            }
            states = new HashMap<>(guideStates);
        }
        List<GuideRow> guides = new ArrayList<>();
        for (GuideRow guide : dataset.guides()) {
            String state = states.get(guide.id());
            guides.add(state == null ? guide : guide.withState(state));
        }
        return guides;
    }

    /** A guide state, segment or reset call; only the state is kept. */
    @SuppressWarnings("unchecked")
    Answer guideUpdate(String method, String guideId, String[] parts, String body) {
        boolean known = guideId.equals("all") || dataset.guides().stream().anyMatch(g -> guideId.equals(g.id()));
        if (!known) {
            return Answer.error(404, "No guide with id " + guideId);
        }
        if (method.equals("PUT") && parts.length == 5 && parts[4].equals("state")) {
            Object state = ((Map<String, Object>) JsonValues.parse(body)).get("state");
            if (!(state instanceof String text)
                    || !Set.of("draft", "staged", "public", "disabled").contains(text)) {
                return Answer.error(400, "state must be one of draft, staged, public, disabled; was " + state);
            }
            synchronized (guideStates) {
                guideStates.put(guideId, text);
            }
        }
        return Answer.ok();
    }
}
