package io.github.pendoclient.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.model.Visitor;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AlsoReadsTest {

    @Test
    void theRestIdIsReadIntoVisitorIdAndWrittenBackAsVisitorId() throws IOException {
        Visitor visitor = PendoJson.moshi().adapter(Visitor.class).fromJson("{\"id\":\"v1\",\"displayName\":\"V\"}");

        assertThat(visitor.visitorId()).isEqualTo("v1");
        assertThat(visitor.unknownFields()).isEmpty();
        assertThat(PendoJson.moshi().adapter(Visitor.class).toJson(visitor))
                .isEqualTo("{\"visitorId\":\"v1\",\"displayName\":\"V\"}");
    }

    @Test
    void whenBothNamesArePresentTheOwnNameWinsAndTheOtherIsKept() throws IOException {
        Visitor first = PendoJson.moshi().adapter(Visitor.class).fromJson("{\"id\":\"x\",\"visitorId\":\"v1\"}");
        Visitor second = PendoJson.moshi().adapter(Visitor.class).fromJson("{\"visitorId\":\"v1\",\"id\":\"x\"}");

        assertThat(first.visitorId()).isEqualTo("v1");
        assertThat(first.unknownFields()).containsEntry("id", "x");
        assertThat(second.visitorId()).isEqualTo("v1");
        assertThat(second.unknownFields()).containsEntry("id", "x");
    }
}
