package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakePendoExtensionTest {

    @RegisterExtension
    final FakePendoExtension perTest = FakePendoExtension.create();

    @Test
    void anExtensionInAnInstanceFieldRunsItsFakeDuringTheTest() {
        assertThat(perTest.fake().isRunning()).isTrue();
        assertThat(perTest.fake().client().verifyKey().valid()).isTrue();
    }

    @Test
    void perClassCallbacksStartOnceAndStopAfterTheLastTest() {
        FakePendoExtension extension = FakePendoExtension.create(FakePendo.create());

        extension.beforeAll(null);
        assertThat(extension.fake().isRunning()).isTrue();
        extension.beforeEach(null);
        extension.afterEach(null);
        assertThat(extension.fake().isRunning()).isTrue();
        extension.afterAll(null);
        assertThat(extension.fake().isRunning()).isFalse();
    }

    @Test
    void perTestCallbacksStopTheFakeTheyStarted() {
        FakePendoExtension extension = FakePendoExtension.create();

        extension.beforeEach(null);
        assertThat(extension.fake().isRunning()).isTrue();
        extension.afterEach(null);
        assertThat(extension.fake().isRunning()).isFalse();
    }

    @Test
    void aFakeThatAlreadyRunsIsRefused() {
        try (FakePendo running = FakePendo.create().start()) {
            assertThatThrownBy(() -> FakePendoExtension.create(running))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not started");
        }
    }
}
