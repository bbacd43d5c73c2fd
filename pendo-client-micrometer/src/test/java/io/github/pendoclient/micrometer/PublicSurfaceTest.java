package io.github.pendoclient.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.testsupport.PublicSurface;
import org.junit.jupiter.api.Test;

class PublicSurfaceTest {

    @Test
    void noPublicSignatureMentionsAnInternalType() {
        assertThat(PublicSurface.internalTypesInModuleOf(PendoMeterBinder.class))
                .isEmpty();
    }
}
