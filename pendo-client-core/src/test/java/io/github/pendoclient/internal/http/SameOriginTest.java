package io.github.pendoclient.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule that decides whether a redirect may carry the credential: same scheme, host and port. */
class SameOriginTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "https://app.pendo.io/api/v1/a, https://app.pendo.io/api/v1/b, true",
        "https://app.pendo.io/api/v1/a, https://APP.pendo.io/x, true",
        "https://app.pendo.io/api/v1/a, http://app.pendo.io/api/v1/a, false",
        "http://app.pendo.io/api/v1/a, https://app.pendo.io/api/v1/a, false",
        "https://app.pendo.io/api/v1/a, https://app.pendo.io:8443/api/v1/a, false",
        "https://app.pendo.io/api/v1/a, https://app.pendo.io.evil.example/api/v1/a, false",
        "https://app.pendo.io/api/v1/a, https://eu.pendo.io/api/v1/a, false"
    })
    void onlyTheSameSchemeHostAndPortIsTheSameOrigin(String from, String to, boolean same) {
        assertThat(RedirectInterceptor.sameOrigin(HttpUrl.get(from), HttpUrl.get(to)))
                .isEqualTo(same);
    }
}
