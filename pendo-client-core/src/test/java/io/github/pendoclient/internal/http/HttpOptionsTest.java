package io.github.pendoclient.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.http.TimeoutOptions;
import io.github.pendoclient.json.Binding;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class HttpOptionsTest {

    private static final HttpUrl BASE = HttpUrl.get("https://app.eu.pendo.io/");

    private static HttpOptions.Builder required() {
        return HttpOptions.builder()
                .baseUrl(BASE)
                .userAgent("pendo-client-java/test")
                .hostDescription("https://app.eu.pendo.io (region EU)");
    }

    @Test
    void settingsWithoutAValueTakeTheirDefaults() {
        HttpOptions options = required().build();

        assertThat(options.timeouts()).isEqualTo(TimeoutOptions.defaults());
        assertThat(options.retry()).isEqualTo(RetryOptions.defaults());
        assertThat(options.binding()).isEqualTo(Binding.LENIENT);
        assertThat(options.okHttpClient()).isNull();
        assertThat(options.eventListener()).isSameAs(PendoEventListener.NONE);
    }

    @Test
    void toBuilderChangesOneSettingAndKeepsTheOthers() {
        HttpOptions original = required().retry(RetryOptions.disabled()).build();

        HttpOptions strict = original.toBuilder().binding(Binding.STRICT).build();

        assertThat(strict)
                .isEqualTo(new HttpOptions(
                        BASE,
                        original.timeouts(),
                        original.retry(),
                        original.rateLimit(),
                        null,
                        "pendo-client-java/test",
                        original.timeSource(),
                        "https://app.eu.pendo.io (region EU)",
                        Binding.STRICT,
                        PendoEventListener.NONE));
        assertThat(original.binding()).isEqualTo(Binding.LENIENT);
    }

    @Test
    void buildingWithoutABaseUrlNamesIt() {
        assertThatThrownBy(() -> HttpOptions.builder()
                        .userAgent("ua")
                        .hostDescription("host")
                        .build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("baseUrl");
    }
}
