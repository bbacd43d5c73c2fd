package io.github.pendoclient.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.event.RetryReason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Why the engine says an attempt is sent again, as the event listener hears it. */
class RetryRulesTest {

    private static Response status(int code) {
        return new Response.Builder()
                .request(new Request.Builder()
                        .url("http://127.0.0.1/api/v1/feature")
                        .build())
                .protocol(Protocol.HTTP_1_1)
                .code(code)
                .message("status")
                .build();
    }

    @ParameterizedTest
    @CsvSource({"429, RATE_LIMITED", "500, SERVER_ERROR", "502, SERVER_ERROR", "503, SERVER_ERROR", "408, TIMEOUT"})
    void aRetriedStatusHasItsReason(int code, RetryReason reason) {
        assertThat(RetryRules.reason(status(code), null)).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"refused", "reset"})
    void aConnectionFailureIsANetworkReason(String kind) {
        IOException failure = kind.equals("refused") ? new ConnectException(kind) : new SocketException(kind);

        assertThat(RetryRules.reason(null, failure)).isEqualTo(RetryReason.NETWORK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"read timed out", "connect timed out"})
    void aTimeoutIsATimeoutReason(String message) {
        assertThat(RetryRules.reason(null, new SocketTimeoutException(message))).isEqualTo(RetryReason.TIMEOUT);
    }
}
