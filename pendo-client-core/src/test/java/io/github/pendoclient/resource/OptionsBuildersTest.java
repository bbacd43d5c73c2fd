package io.github.pendoclient.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsBuildersTest {

    @Test
    void listOptionsBuilderStartsFromAllApps() {
        assertThat(ListOptions.builder().build().query()).isEqualTo(Map.of("expand", "*"));
    }

    @Test
    void listOptionsAppIdReplacesAllAppsAndKeepsExtraParameters() {
        ListOptions options = ListOptions.builder()
                .parameter("state", "public")
                .appId(-323232)
                .build();

        assertThat(options.query()).containsExactly(Map.entry("state", "public"), Map.entry("appId", "-323232"));
    }

    @Test
    void listOptionsToBuilderLeavesTheOriginalUntouched() {
        ListOptions oneApp = ListOptions.app(7);

        ListOptions all = oneApp.toBuilder().allApps().build();

        assertThat(oneApp.query()).isEqualTo(Map.of("appId", "7"));
        assertThat(all.query()).isEqualTo(Map.of("expand", "*"));
    }

    @Test
    void listOptionsWithParameterIsACopy() {
        ListOptions base = ListOptions.app(7);

        ListOptions copy = base.withParameter("state", "public");

        assertThat(base.query()).doesNotContainKey("state");
        assertThat(copy.query()).containsEntry("state", "public").containsEntry("appId", "7");
    }

    @Test
    void listOptionsRejectsABlankParameterName() {
        assertThatThrownBy(() -> ListOptions.builder().parameter(" ", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
    }

    @Test
    void bulkUpdateOptionsBuilderStartsFromTheDefaults() {
        assertThat(BulkUpdateOptions.builder().build()).isEqualTo(BulkUpdateOptions.defaults());
    }

    @Test
    void bulkUpdateOptionsToBuilderChangesOnlyWhatIsSet() {
        BulkUpdateOptions options =
                BulkUpdateOptions.builder().chunkSize(3).create(true).build();

        BulkUpdateOptions derived = options.toBuilder().validateTypes(true).build();

        assertThat(derived)
                .isEqualTo(BulkUpdateOptions.builder()
                        .chunkSize(3)
                        .create(true)
                        .validateTypes(true)
                        .build());
        assertThat(List.of(derived.chunkSize(), derived.create(), derived.splitRetries(), derived.validateTypes()))
                .containsExactly(3, true, true, true);
    }

    @Test
    void bulkUpdateOptionsBuilderRejectsAZeroChunkSizeAtOnce() {
        assertThatThrownBy(() -> BulkUpdateOptions.builder().chunkSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chunkSize must be at least 1");
    }

    @Test
    void bulkUpdateOptionsAreBuiltOneWayOnly() {
        assertThat(BulkUpdateOptions.class.getConstructors())
                .as("public constructors")
                .isEmpty();
        assertThat(Arrays.stream(BulkUpdateOptions.class.getMethods())
                        .map(Method::getName)
                        .filter(name -> name.startsWith("with")))
                .as("with... copies")
                .isEmpty();
    }
}
