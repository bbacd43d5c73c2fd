package io.github.pendoclient.track.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookTest {

    private static final WebhookSecret SECRET = WebhookSecret.of("fake-webhook-secret-7c6b");

    static byte[] payload(String name) {
        try (InputStream in = WebhookTest.class.getResourceAsStream("/webhooks/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void parsesPendosGuideDisplayedExample() {
        WebhookEvent event = WebhookParser.parse(payload("guide-displayed.json"));

        assertThat(event).isInstanceOfSatisfying(WebhookEvent.GuideDisplayed.class, guide -> {
            assertThat(guide.guideId()).isEqualTo("Kg92Ld6hn2wVmqDk-IgH2JLDoBo");
            assertThat(guide.guideStepId()).isEqualTo("UgG7Xa9kYJ1XqjQW8zq0mO8wq8E");
            assertThat(guide.guideProperties()).containsEntry("name", "Poll 1 - Test");
        });
        WebhookEnvelope envelope = event.envelope();
        assertThat(envelope.appId()).isEqualTo(-323232L);
        assertThat(envelope.appPlatform()).isEqualTo("web");
        assertThat(envelope.subscriptionId()).isEqualTo(4802463602049999L);
        assertThat(envelope.visitorId()).isEqualTo("Webhook Visitor");
        assertThat(envelope.accountId()).isEqualTo("Webhook Account");
        assertThat(envelope.timestamp()).isEqualTo(Instant.ofEpochSecond(1626803876));
        assertThat(event.uniqueId()).isEqualTo("f9610795860d89fe29491846fe297bcc922e460b");
        assertThat(event.kind()).isEqualTo("guideDisplayed");
    }

    @Test
    void parsesTheOtherDocumentedKinds() {
        WebhookEvent visitor = WebhookParser.parse(payload("visitor-created.json"));
        assertThat(visitor)
                .isInstanceOfSatisfying(
                        WebhookEvent.VisitorCreated.class,
                        created -> assertThat(created.browserName()).isEqualTo("Chrome"));

        WebhookEvent track = WebhookParser.parse(payload("track-event-received.json"));
        assertThat(track).isInstanceOfSatisfying(WebhookEvent.TrackEventReceived.class, received -> {
            assertThat(received.name()).isEqualTo("Account Upgraded");
            assertThat(received.source()).isEqualTo("web");
            assertThat(received.eventProperties()).containsEntry("seats", 25L);
        });
        assertThat(track.envelope().timestamp()).isEqualTo(Instant.ofEpochMilli(1626803878123L));

        for (String kind :
                List.of("pollDisplayed", "pollSubmitted", "npsDisplayed", "npsSubmitted", "accountCreated")) {
            WebhookEvent event = WebhookParser.parse("{\"event\": \"" + kind + "\", \"timestamp\": \"1626803876\"}");
            assertThat(event).isNotInstanceOf(WebhookEvent.Other.class);
            assertThat(event.kind()).isEqualTo(kind);
            assertThat(event.envelope().timestamp()).isEqualTo(Instant.ofEpochSecond(1626803876));
        }
    }

    @Test
    void unknownKindsAndMembersNeverFail() {
        WebhookEvent event = WebhookParser.parse(
                "{\"event\": \"frustrationSignal\", \"newTopLevel\": {\"a\": 1}," + " \"properties\": {\"rage\": 3}}");

        assertThat(event).isInstanceOf(WebhookEvent.Other.class);
        assertThat(event.envelope().unknownFields()).containsKey("newTopLevel");
        assertThat(event.property("rage")).isEqualTo("3");
        assertThat(WebhookParser.parse("{}")).isInstanceOf(WebhookEvent.Other.class);
    }

    @Test
    void aBodyThatIsNotAnObjectIsAParseError() {
        assertThatThrownBy(() -> WebhookParser.parse("[1, 2]")).isInstanceOf(WebhookParseException.class);
        assertThatThrownBy(() -> WebhookParser.parse("{\"event\": ")).isInstanceOf(WebhookParseException.class);
        assertThatThrownBy(() -> WebhookParser.parse("{} {}")).isInstanceOf(WebhookParseException.class);
    }

    @Test
    void theDeduplicatorSeesRepeatsAndForgetsTheOldest() {
        WebhookDeduplicator deduplicator = WebhookDeduplicator.create(2);
        WebhookEvent a = WebhookParser.parse("{\"uniqueId\": \"a\"}");
        WebhookEvent b = WebhookParser.parse("{\"uniqueId\": \"b\"}");
        WebhookEvent c = WebhookParser.parse("{\"uniqueId\": \"c\"}");
        WebhookEvent noId = WebhookParser.parse("{}");

        assertThat(deduplicator.firstDelivery(a)).isTrue();
        assertThat(deduplicator.firstDelivery(a)).isFalse();
        assertThat(deduplicator.firstDelivery(b)).isTrue();
        assertThat(deduplicator.firstDelivery(c)).isTrue();
        assertThat(deduplicator.firstDelivery(a)).isTrue();
        assertThat(deduplicator.firstDelivery(noId)).isTrue();
        assertThat(deduplicator.firstDelivery(noId)).isTrue();
    }

    @Test
    void aCorrectSignaturePasses() {
        byte[] body = payload("guide-displayed.json");
        WebhookVerifier verifier = WebhookVerifier.hmacSha256(SECRET);
        String signature = verifier.signatureFor(body);

        assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
        verifier.verify(Map.of("X-Pendo-Signature", List.of(signature)), body);
        verifier.verify(
                Map.of("x-pendo-signature", List.of(signature.toUpperCase().replace("SHA256=", "sha256="))), body);
        assertThat(verifier.isValid(Map.of("x-pendo-signature", List.of(signature)), body))
                .isTrue();
    }

    @Test
    void aMissingMalformedWrongOrTamperedSignatureFails() {
        byte[] body = payload("guide-displayed.json");
        WebhookVerifier verifier = WebhookVerifier.hmacSha256(SECRET);
        String good = verifier.signatureFor(body);
        String otherSecret = WebhookVerifier.hmacSha256(WebhookSecret.of("another-fake-secret"))
                .signatureFor(body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("Webhook Visitor", "Someone Else")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verify(Map.of(), body))
                .isInstanceOf(WebhookSignatureException.class)
                .hasMessageContaining("no x-pendo-signature header");
        assertThatThrownBy(() -> verifier.verify(Map.of("x-pendo-signature", List.of("md5=abc")), body))
                .hasMessageContaining("does not start with 'sha256='");
        assertThatThrownBy(() -> verifier.verify(Map.of("x-pendo-signature", List.of("sha256=zz")), body))
                .hasMessageContaining("not HEX-encoded");
        assertThatThrownBy(() -> verifier.verify(Map.of("x-pendo-signature", List.of(otherSecret)), body))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> verifier.verify(Map.of("x-pendo-signature", List.of(good)), tampered))
                .hasMessageContaining("does not match");
    }

    @Test
    void headerPrefixAndEncodingAreConfigurableAndTheSecretIsNeverShown() {
        byte[] body = "{\"event\": \"guideDisplayed\"}".getBytes(StandardCharsets.UTF_8);
        WebhookVerifier custom = WebhookVerifier.hmacSha256(SECRET)
                .header("X-Relay-Signature")
                .prefix("")
                .encoding(WebhookVerifier.Encoding.BASE64);
        String signature = custom.signatureFor(body);

        custom.verify(name -> name.equalsIgnoreCase("x-relay-signature") ? signature : null, body);
        assertThatThrownBy(() -> custom.verify(Map.of("x-pendo-signature", List.of(signature)), body))
                .hasMessageContaining("no X-Relay-Signature header");
        assertThat(custom.toString()).doesNotContain(SECRET.reveal());
        assertThat(SECRET.toString()).doesNotContain(SECRET.reveal());
    }
}
