package io.github.pendoclient.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.UnreadableResponseException;
import io.github.pendoclient.json.Binding;
import io.github.pendoclient.model.Feature;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client-wide binding option: what a REST call does with a field of another JSON type. */
class ClientBindingTest {

    private static final String APP_ID_AS_STRING = "[{\"id\": \"f1\", \"appId\": \"-323232\"}]";

    private final ResourceFixture fixture = new ResourceFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void lenientBindingIsTheDefaultAndConvertsAWholeNumberSentAsText() {
        fixture.respond(200, APP_ID_AS_STRING);

        List<Feature> features = fixture.client.features().list();

        assertThat(features.get(0).appId()).isEqualTo(-323232L);
    }

    @Test
    void strictBindingFailsTheCallOnAFieldOfAnotherJsonType() {
        fixture.respond(200, APP_ID_AS_STRING);

        try (PendoClient strict =
                fixture.client.toBuilder().binding(Binding.STRICT).build()) {
            assertThatThrownBy(() -> strict.features().list())
                    .isInstanceOf(UnreadableResponseException.class)
                    .hasMessageContaining("appId");
        }
    }

    @Test
    void explicitLenientBindingReadsWhatStrictRejects() {
        fixture.respond(200, APP_ID_AS_STRING);

        try (PendoClient lenient =
                fixture.client.toBuilder().binding(Binding.LENIENT).build()) {
            assertThat(lenient.features().list().get(0).appId()).isEqualTo(-323232L);
        }
    }
}
