package io.github.pendoclient.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.model.Account;
import io.github.pendoclient.model.Visitor;
import io.github.pendoclient.model.VisitorHistoryItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeopleResourceTest {

    private final ResourceFixture fixture = new ResourceFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void visitorByIdWithAwkwardCharactersAndMetadataGroups() {
        fixture.respond("visitor.json");

        Visitor visitor = fixture.client.visitors().get("jane/doe #1 100% \"é\"");

        assertThat(fixture.take().getUrl().encodedPath())
                .isEqualTo("/api/v1/visitor/jane%2Fdoe%20%231%20100%25%20%22%C3%A9%22");
        assertThat(visitor.visitorId()).isEqualTo("0");
        assertThat(visitor.group("agent")).containsEntry("email", "jane@example.com");
        assertThat(visitor.autoForApp(323232)).containsEntry("firstvisit", 0L);
        assertThat(visitor.group("custom")).containsEntry("planlevel", "Pro");
        assertThat(visitor.lastUpdated()).isEqualTo(Instant.ofEpochMilli(1535558257624L));
        assertThat(visitor.group("hubspot")).isEmpty();
    }

    @Test
    void unknownVisitorIsNotFound() {
        fixture.respond(404, "");
        assertThatThrownBy(() -> fixture.client.visitors().get("ghost")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void accountById() throws Exception {
        fixture.respond("account.json");

        Account account = fixture.client.accounts().getAsync("444001f746ca5").get();

        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/account/444001f746ca5");
        assertThat(account.group("agent")).containsEntry("name", "AcmeCorp");
        assertThat(account.group("custom")).containsEntry("planlevel", null);
        assertThat(account.lastUpdated()).isEqualTo(Instant.ofEpochMilli(1541601456280L));
    }

    @Test
    void historyIsReadLazilyOneDayPerRequestAndTaggedWithTheVisitor() {
        Instant day1 = Instant.ofEpochMilli(1795219200000L); // 2026-11-21T00:00Z, the day before the fake now
        fixture.respond("visitor-history.json");
        fixture.respond(200, "[]");

        Stream<VisitorHistoryItem> history =
                fixture.client.visitors().history("v-1", day1, day1.plus(Duration.ofDays(2)));
        assertThat(fixture.server.getRequestCount())
                .as("nothing fetched before the stream is read")
                .isZero();

        List<VisitorHistoryItem> items = history.collect(Collectors.toList());

        assertThat(items)
                .hasSize(3)
                .allSatisfy(item -> assertThat(item.visitorId()).isEqualTo("v-1"));
        assertThat(items).extracting(VisitorHistoryItem::type).containsExactly("page", "feature", "guide");
        assertThat(items.get(0).parsedUserAgent()).containsEntry("name", "Chrome");
        RecordedRequest first = fixture.take();
        assertThat(first.getTarget()).isEqualTo("/api/v1/visitor/v-1/history?starttime=1795219200000");
        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/visitor/v-1/history?starttime=1795305600000");
    }

    @Test
    void historyStartIsClampedToAbout180DaysBack() {
        fixture.respond(200, "[]");
        Instant now = fixture.time.now();

        fixture.client
                .visitors()
                .history("v-1", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(178)))
                .count();

        assertThat(fixture.take().getUrl().queryParameter("starttime"))
                .isEqualTo(Long.toString(now.minus(Duration.ofDays(179)).toEpochMilli()));
        assertThat(fixture.server.getRequestCount()).isEqualTo(1);
    }
}
