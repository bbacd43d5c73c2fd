package io.github.pendoclient.testing.internal;

import static io.github.pendoclient.testing.internal.Shapes.ordered;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Guides in the shape real Pendo bodies have (API reference §7.3 and §7.10): the guide with its steps and polls, each
 * with every member real bodies carry. The other catalog objects are in {@link Shapes}.
 */
public final class GuideShapes {

    private GuideShapes() {}

    /**
     * A guide with steps and, optionally, one poll on its last step.
     *
     * @param id the id
     * @param appId the app
     * @param name the name
     * @param state for example {@code public}
     * @param steps how many steps
     * @param pollType a poll type such as {@code NPSRating}, or null for none
     * @param updated when it was last updated
     * @return the guide
     */
    public static Map<String, Object> guide(
            String id, long appId, String name, String state, int steps, String pollType, long updated) {
        Map<String, Object> guide = Shapes.base(id, appId, name, "Guide", updated);
        guide.put("appIds", List.of(appId));
        guide.put("state", state);
        guide.put("launchMethod", "auto");
        guide.put("isMultiStep", steps > 1);
        guide.put("isModule", false);
        guide.put("isTopLevel", false);
        guide.put("description", "");
        guide.put("editorType", "visualDesigner");
        guide.put("authoredLanguage", "en-US");
        guide.put(
                "attributes",
                ordered(
                        "type",
                        "building-block",
                        "device",
                        ordered("type", "desktop"),
                        "priority",
                        0L,
                        "capping",
                        ordered("maxImpressions", 1L, "maxSessionImpressions", 1L),
                        "badge",
                        null,
                        "activation",
                        null,
                        "resourceCenter",
                        null,
                        "isAnnouncement",
                        false,
                        "overrideAutoThrottling",
                        false));
        guide.put("audience", List.of(ordered("source", Shapes.everyVisitor())));
        guide.put("audienceUiHint", ordered("filters", List.of()));
        guide.put("recurrence", 0L);
        guide.put("recurrenceEligibilityWindow", 0L);
        guide.put("showsAfter", 0L);
        guide.put("expiresAfter", 0L);
        guide.put("currentFirstEligibleToBeSeenAt", 0L);
        guide.put("publishedAt", "public".equals(state) ? updated : 0L);
        guide.put("publishedEver", "public".equals(state));
        guide.put("resetAt", 0L);
        guide.put("emailState", "");
        guide.put("translationStates", new LinkedHashMap<>());
        guide.put("dependentMetadata", List.of());
        guide.put("isTraining", false);
        guide.put("conversion", null);
        guide.put("experiment", null);
        List<Object> stepList = new ArrayList<>();
        String pollId = pollType == null ? null : id + "-poll";
        for (int i = 0; i < steps; i++) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("id", stepId(id, i));
            step.put("guideId", id);
            step.put("type", "building-block");
            step.put("name", "");
            step.put("rank", (i + 1) * 1_000_000L);
            step.put("advanceMethod", "button");
            step.put("pageId", "");
            step.put("regexUrlRule", "");
            step.put("elementPathRule", "");
            step.put("triggerElementPathRule", "");
            step.put("confirmationElementPathRule", "");
            step.put("contentType", "text/html; charset=utf-8");
            String content = "https://pendo-static.example.com/guide-content/" + id + "/" + stepId(id, i);
            step.put("contentUrl", content + ".html");
            step.put("contentUrlCss", content + ".css");
            step.put("contentUrlJs", content + ".js");
            step.put("buildingBlocksUrl", content + ".buildingBlocks.json");
            step.put("domUrl", content + ".dom.json");
            step.put("domJsonpUrl", content + ".dom.jsonp");
            step.put("launchUrl", "");
            step.put("templateId", "tmpl-basic");
            step.put("pollIds", pollId != null && i == steps - 1 ? List.of(pollId) : List.of());
            step.put(
                    "attributes",
                    ordered("height", 400L, "width", 500L, "autoHeight", true, "position", "auto", "css", ""));
            step.put("lastUpdatedAt", updated);
            step.put("resetAt", 0L);
            stepList.add(step);
        }
        guide.put("steps", stepList);
        if (pollId != null) {
            Map<String, Object> poll = new LinkedHashMap<>();
            poll.put("id", pollId);
            poll.put("question", "How likely are you to recommend us?");
            poll.put("attributes", ordered("type", pollType));
            poll.put("numericResponses", List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
            poll.put("idResponses", new LinkedHashMap<>());
            poll.put("resetAt", 0L);
            guide.put("polls", List.of(poll));
        } else {
            guide.put("polls", List.of());
        }
        return guide;
    }

    /**
     * The id of a guide's step.
     *
     * @param guideId the guide
     * @param index the step's index
     * @return the step id
     */
    public static String stepId(String guideId, int index) {
        return guideId + "-s" + (index + 1);
    }
}
