package io.github.pendoclient.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost",
                "LocalHost",
                "api.localhost",
                "127.0.0.1",
                "127.1.2.3",
                "::1",
                "[::1]",
                "0:0:0:0:0:0:0:1",
                "[0:0:0:0:0:0:0:1]"
            })
    void loopbackHostsAreLoopback(String host) {
        assertThat(Hosts.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "app.pendo.io",
                "localhost.example.com",
                "10.0.0.1",
                "128.0.0.1",
                "::2",
                "[::2]",
                "mylocalhost",
                "127.example.com",
                "127.0.0.1.example.com",
                "127.0.0.1.nip.io"
            })
    void otherHostsAreNot(String host) {
        assertThat(Hosts.isLoopback(host)).isFalse();
    }
}
