package io.github.pendoclient.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.model.Account;
import io.github.pendoclient.model.Guide;
import io.github.pendoclient.model.TrackType;
import io.github.pendoclient.model.Visitor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The findings of the fidelity audit (issue 13), against bodies written from section 7.10 of the API reference:
 * what Pendo really sends, not what the fake used to serve.
 */
class RealShapesTest {

    private final ResourceFixture fixture = new ResourceFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void restVisitorBodyWithIdAndDisplayNameGivesTheVisitorId() {
        fixture.respond("real/visitor-get.json");

        Visitor visitor = fixture.client.visitors().get("0");

        assertThat(visitor.visitorId()).isEqualTo("0");
        assertThat(visitor.displayName()).isEqualTo("Jane Example");
    }

    @Test
    void restAccountBodyWithIdGivesTheAccountId() {
        fixture.respond("real/account-get.json");

        Account account = fixture.client.accounts().get("444001f746ca5");

        assertThat(account.accountId()).isEqualTo("444001f746ca5");
    }

    @Test
    void autoGroupOfTheDefaultAppIsFoundUnderItsUnsignedSpelling() {
        fixture.respond("real/visitor-get.json");

        Visitor visitor = fixture.client.visitors().get("0");

        assertThat(visitor.autoForApp(-323232)).containsEntry("lastvisit", 1515771385415L);
    }

    @Test
    void aBooleanTrackTypeNameDoesNotFailTheTrackTypeList() {
        fixture.respond("real/track-types.json");

        List<TrackType> trackTypes = fixture.client.trackTypes().list();

        assertThat(trackTypes).hasSize(2);
        assertThat(trackTypes.get(0).trackTypeName()).isNull();
        assertThat(trackTypes.get(0).unknownFields()).containsEntry("trackTypeName", true);
        assertThat(trackTypes.get(1).trackTypeName()).isEqualTo("Invoice Sent");
    }

    @Test
    void aFractionalStepRankDoesNotFailTheGuideList() {
        fixture.respond("real/guides.json");

        List<Guide> guides = fixture.client.guides().list();

        assertThat(guides).hasSize(1);
        assertThat(guides.get(0).steps().get(0).rank()).isEqualTo(5000000.5);
    }

    @Test
    void aResetAtOfZeroMeansNeverResetNotNineteenSeventy() {
        fixture.respond("real/guides.json");

        Guide guide = fixture.client.guides().list().get(0);

        assertThat(guide.polls().get(0).resetAt()).isNull();
        assertThat(guide.steps().get(0).resetAt()).isNotNull();
    }
}
