package io.github.pendoclient.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.Region;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.http.TimeoutOptions;
import io.github.pendoclient.internal.CoreAccess;
import io.github.pendoclient.json.Binding;
import io.github.pendoclient.testsupport.ManualTime;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The stack options are what the client builder's settings, declared once in ClientBuilder, describe. */
class HttpOptionsTest {

    private static HttpOptions optionsOf(PendoClient.Builder builder) {
        try (PendoClient client = builder.build()) {
            return CoreAccess.view(client, PendoHttp.class).options();
        }
    }

    @Test
    void aBuilderWithOnlyAKeyGivesTheDefaultOfEverySetting() {
        HttpOptions options = optionsOf(PendoClient.builder().integrationKey("test-integration-key"));

        assertThat(options.baseUrl()).isEqualTo(HttpUrl.get("https://app.pendo.io/"));
        assertThat(options.hostDescription()).isEqualTo("https://app.pendo.io (region US)");
        assertThat(options.timeouts()).isEqualTo(TimeoutOptions.defaults());
        assertThat(options.retry()).usingRecursiveComparison().isEqualTo(RetryOptions.defaults());
        assertThat(options.rateLimit()).usingRecursiveComparison().isEqualTo(RateLimitOptions.defaults());
        assertThat(options.okHttpClient()).isNull();
        assertThat(options.userAgent()).startsWith("pendo-client-java/");
        assertThat(options.timeSource()).isSameAs(TimeSource.system());
        assertThat(options.binding()).isEqualTo(Binding.LENIENT);
        assertThat(options.eventListener()).isSameAs(PendoEventListener.NONE);
    }

    @Test
    void everySettingOfTheBuilderReachesTheStackOptions() {
        OkHttpClient shared = new OkHttpClient();
        ManualTime time = new ManualTime();
        PendoEventListener listener = new PendoEventListener() {};
        RateLimitOptions rateLimit = RateLimitOptions.disabled();
        RetryOptions retry = RetryOptions.disabled();

        HttpOptions options = optionsOf(PendoClient.builder()
                .integrationKey("test-integration-key")
                .region(Region.EU)
                .readTimeout(Duration.ofSeconds(7))
                .aggregationTimeout(Duration.ofMinutes(9))
                .retries(retry)
                .rateLimit(rateLimit)
                .okHttpClient(shared)
                .applicationName("billing-sync/2.3")
                .timeSource(time)
                .eventListener(listener)
                .binding(Binding.STRICT));

        assertThat(options.baseUrl()).isEqualTo(HttpUrl.get("https://app.eu.pendo.io/"));
        assertThat(options.hostDescription()).isEqualTo("https://app.eu.pendo.io (region EU)");
        assertThat(options.timeouts().read()).isEqualTo(Duration.ofSeconds(7));
        assertThat(options.timeouts().streamingRead()).isEqualTo(Duration.ofMinutes(9));
        assertThat(options.retry()).isSameAs(retry);
        assertThat(options.rateLimit()).isSameAs(rateLimit);
        assertThat(options.okHttpClient()).isSameAs(shared);
        assertThat(options.userAgent()).endsWith(" billing-sync/2.3");
        assertThat(options.timeSource()).isSameAs(time);
        assertThat(options.binding()).isEqualTo(Binding.STRICT);
        assertThat(options.eventListener()).isSameAs(listener);
    }

    @Test
    void anExplicitBaseUrlIsDescribedWithoutARegion() {
        HttpOptions options = optionsOf(
                PendoClient.builder().integrationKey("test-integration-key").baseUrl("http://127.0.0.1:8080"));

        assertThat(options.baseUrl()).isEqualTo(HttpUrl.get("http://127.0.0.1:8080/"));
        assertThat(options.hostDescription()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void aMissingValueIsRefusedByName() {
        assertThatThrownBy(() -> new HttpOptions(
                        null,
                        TimeoutOptions.defaults(),
                        RetryOptions.defaults(),
                        RateLimitOptions.defaults(),
                        null,
                        "pendo-client-java/test",
                        TimeSource.system(),
                        "host",
                        Binding.LENIENT,
                        PendoEventListener.NONE))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("baseUrl");
    }
}
