package io.github.pendoclient.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.model.Account;
import io.github.pendoclient.model.Feature;
import io.github.pendoclient.model.Guide;
import io.github.pendoclient.model.GuideStep;
import io.github.pendoclient.model.MetadataFieldSchema;
import io.github.pendoclient.model.MetadataSchema;
import io.github.pendoclient.model.Page;
import io.github.pendoclient.model.TrackType;
import io.github.pendoclient.model.Visitor;
import io.github.pendoclient.model.VisitorHistoryItem;
import java.time.Instant;
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

        assertThat(guide.resetAt()).isNull();
        assertThat(guide.polls().get(0).resetAt()).isNull();
        assertThat(guide.steps().get(0).resetAt()).isNotNull();
    }

    @Test
    void catalogFieldsRealBodiesCarryHaveTypedAccessors() {
        fixture.respond("real/features.json");
        fixture.respond("real/pages.json");
        fixture.respond("real/track-types.json");

        Feature feature = fixture.client.features().list().get(0);
        Page page = fixture.client.pages().list().get(0);
        TrackType trackType = fixture.client.trackTypes().list().get(0);

        assertThat(feature.group()).containsEntry("name", "Billing");
        assertThat(feature.validThrough()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
        assertThat(feature.dailyMergeFirst()).isNull();
        assertThat(feature.dailyRollupFirst()).isEqualTo(Instant.ofEpochMilli(1500000000000L));
        assertThat(feature.eventPropertyConfigurations()).hasSize(1);
        assertThat(feature.suggestedMatch()).isEqualTo("#invoice");
        assertThat(feature.createdDesignerVersion()).isEqualTo("2.150.0");
        assertThat(page.group()).containsEntry("id", "grp1");
        assertThat(page.rulesjson()).startsWith("[");
        assertThat(page.isAutoTagged()).isFalse();
        assertThat(page.suggestedName()).isEqualTo("Invoices");
        assertThat(page.validThrough()).isNotNull();
        assertThat(trackType.validThrough()).isNotNull();
        assertThat(trackType.trackTypeRules()).containsExactly("Account Upgraded");
    }

    @Test
    void guideFieldsRealBodiesCarryHaveTypedAccessors() {
        fixture.respond("real/guides.json");

        Guide guide = fixture.client.guides().list().get(0);
        GuideStep step = guide.steps().get(0);

        assertThat(guide.description()).isEqualTo("Asks for a score");
        assertThat(guide.publishedAt()).isEqualTo(Instant.ofEpochMilli(1618322253073L));
        assertThat(guide.publishedEver()).isTrue();
        assertThat(guide.editorType()).isEqualTo("visualDesigner");
        assertThat(guide.authoredLanguage()).isEqualTo("en-US");
        assertThat(guide.isModule()).isFalse();
        assertThat(guide.recurrence()).isZero();
        assertThat(step.contentUrl()).endsWith("a.html");
        assertThat(step.contentUrlCss()).endsWith("a.css");
        assertThat(step.contentUrlJs()).endsWith("a.js");
        assertThat(step.buildingBlocksUrl()).endsWith("a.json");
        assertThat(step.domUrl()).endsWith("a.dom.json");
        assertThat(step.domJsonpUrl()).endsWith("a.dom.jsonp");
        assertThat(step.contentType()).startsWith("text/html");
        assertThat(step.templateId()).isEqualTo("tmpl1");
        assertThat(step.attributes()).containsEntry("width", 500L);
        assertThat(guide.polls().get(0).idResponses()).isEmpty();
    }

    @Test
    void schemaDescriptorsCarryNeverIndexAndIsPromoted() {
        fixture.respond("real/metadata-schema-visitor.json");

        MetadataSchema schema = fixture.client.metadata().schema(MetadataKind.VISITOR);

        MetadataFieldSchema lastVisit = schema.field("auto", "lastvisit").orElseThrow();
        assertThat(lastVisit.isPromoted()).isTrue();
        assertThat(lastVisit.neverIndex()).isFalse();
        assertThat(lastVisit.groupDisplayName()).isEqualTo("Pendo");
        assertThat(schema.field("agent", "email").orElseThrow().cardinality()).isEqualTo(1200L);
        assertThat(schema.field("custom", "seats").orElseThrow().sample()).isEqualTo(12L);
    }

    @Test
    void historyItemsOfEveryTypeCarryTheirIds() {
        fixture.respond("real/visitor-history.json");
        Instant day = Instant.ofEpochMilli(1795219200000L);

        List<VisitorHistoryItem> items = fixture.client
                .visitors()
                .history("0", day, day.plus(java.time.Duration.ofDays(1)))
                .toList();

        assertThat(items)
                .extracting(VisitorHistoryItem::type)
                .containsExactly("page", "feature", "guide", "trackType", "untagged");
        assertThat(items.get(2).guideStepId()).isEqualTo("UgG7AtWEXNuvHBBcTqSQ8NxGvAU");
        assertThat(items.get(3).trackTypeId()).isEqualTo("tt1");
        assertThat(items.get(4).untaggedUrl()).isEqualTo("https://app.example.com/settings");
        assertThat(items).allMatch(item -> "0".equals(item.visitorId()));
    }
}
