package io.github.pendoclient.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one dotted-path lookup into parsed JSON. */
class JsonPathLookupTest {

    private static final Object ROW = JsonValues.parse(
            "{\"metadata\":{\"auto\":{\"lastvisit\":1700000000000}},\"results\":[{\"count\":7}],\"gone\":null}");

    @Test
    void aDottedPathReadsNestedMembers() {
        assertThat(JsonValues.at(ROW, "metadata.auto.lastvisit")).isEqualTo(1700000000000L);
    }

    @Test
    void anIndexReadsAListElement() {
        assertThat(JsonValues.at(ROW, "results[0].count")).isEqualTo(7L);
    }

    @Test
    void aMissingOrMisfittingStepIsNull() {
        assertThat(JsonValues.at(ROW, "metadata.agent.plan")).isNull();
        assertThat(JsonValues.at(ROW, "metadata.auto.lastvisit.deeper")).isNull();
        assertThat(JsonValues.at(ROW, "results[5].count")).isNull();
        assertThat(JsonValues.at(ROW, "metadata[0]")).isNull();
        assertThat(JsonValues.at(ROW, "gone.x")).isNull();
    }

    @Test
    void theEmptyPathIsTheRoot() {
        assertThat(JsonValues.at(ROW, "")).isSameAs(ROW);
    }

    @Test
    void aMalformedIndexIsRefused() {
        assertThatThrownBy(() -> JsonValues.at(ROW, "results[x]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValues.at(ROW, "results[0")).isInstanceOf(IllegalArgumentException.class);
    }
}
