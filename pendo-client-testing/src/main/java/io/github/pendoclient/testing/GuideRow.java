package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.Frozen;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A guide of a {@link Dataset}, with its state and steps, as {@code GET /api/v1/guide} and the {@code guides} source
 * serve it: {@code id}, {@code appId}, {@code name}, then the other members in their order, {@code state} right after
 * {@code appIds} (or after {@code name} when there is no {@code appIds}) and {@code steps} right before {@code polls}
 * (or last), where Pendo's bodies have them. Immutable: the steps and members are copied and cannot be changed.
 *
 * @param id the id
 * @param appId the app it belongs to
 * @param name the name; empty when a dataset file gives none
 * @param state for example {@code public}, {@code draft}, {@code staged} or {@code disabled}; empty when a dataset
 *     file gives none
 * @param steps the steps, in order
 * @param members the other members Pendo serves ({@code kind}, {@code appIds}, {@code polls}...), as JSON values; not
 *     {@code id}, {@code appId}, {@code name}, {@code state} or {@code steps}
 */
public record GuideRow(
        String id, long appId, String name, String state, List<Step> steps, Map<String, Object> members) {

    private static final Set<String> TYPED = Set.of("id", "appId", "name", "state", "steps");

    /**
     * Checks and copies the components.
     *
     * @param id the id
     * @param appId the app
     * @param name the name
     * @param state the state
     * @param steps the steps
     * @param members the other members
     * @throws NullPointerException if the id, the name, the state, the steps, a step or the members are null
     * @throws IllegalArgumentException if the members hold a typed component's name
     */
    public GuideRow {
        Objects.requireNonNull(id, "A guide needs an id, not null");
        Objects.requireNonNull(name, () -> "Guide " + id + ": the name must not be null; give \"\" for none");
        Objects.requireNonNull(state, () -> "Guide " + id + ": the state must not be null; give \"\" for none");
        Objects.requireNonNull(steps, () -> "Guide " + id + ": the steps must not be null; give an empty list");
        for (Step step : steps) {
            Objects.requireNonNull(step, () -> "Guide " + id + ": a step is null");
        }
        steps = List.copyOf(steps);
        members = Frozen.members(members, "Guide " + id + ":", TYPED);
    }

    /**
     * This guide in another state, as {@code PUT /api/v1/guide/{id}/state} leaves it.
     *
     * @param newState the state
     * @return the changed copy
     */
    public GuideRow withState(String newState) {
        return new GuideRow(id, appId, name, newState, steps, members);
    }

    /** {@return the id, app, name, state, step count and the names of the other members} */
    @Override
    public String toString() {
        return "GuideRow[id=" + id + ", appId=" + appId + ", name=" + name + ", state=" + state + ", steps="
                + steps.size() + ", members=" + Frozen.keys(members) + "]";
    }

    /**
     * One step of a guide: {@code id}, then the other members in their order.
     *
     * @param id the step id
     * @param members the other members Pendo serves ({@code guideId}, {@code rank}, {@code pollIds}...), as JSON
     *     values; not {@code id}
     */
    public record Step(String id, Map<String, Object> members) {

        private static final Set<String> TYPED = Set.of("id");

        /**
         * Checks and copies the components.
         *
         * @param id the id
         * @param members the other members
         * @throws NullPointerException if the id or the members are null
         * @throws IllegalArgumentException if the members hold {@code id}
         */
        public Step {
            Objects.requireNonNull(id, "A guide step needs an id, not null");
            members = Frozen.members(members, "Guide step " + id + ":", TYPED);
        }

        /** {@return the id and the names of the other members} */
        @Override
        public String toString() {
            return "Step[id=" + id + ", members=" + Frozen.keys(members) + "]";
        }
    }
}
