package io.github.pendoclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.InternalMarker;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.testsupport.PublicSurface;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicSurfaceTest {

    @Test
    void noPublicSignatureInCoreMentionsAnInternalType() {
        assertThat(PublicSurface.internalTypesInModuleOf(PendoClient.class)).isEmpty();
    }

    @Test
    void theCheckReportsPublicAndProtectedMembersThatMentionAnInternalType() {
        assertThat(PublicSurface.internalTypesIn(Leaky.class))
                .containsExactlyInAnyOrder(
                        Leaky.class.getName() + ".<init>(...) mentions " + PendoHttp.class.getName(),
                        Leaky.class.getName() + ".stacks(...) mentions " + PendoHttp.class.getName(),
                        Leaky.class.getName() + ".stack mentions " + PendoHttp.class.getName());
    }

    @Test
    void theCheckReportsAnInternalSupertype() {
        assertThat(PublicSurface.internalTypesIn(LeakyChild.class))
                .containsExactly(
                        LeakyChild.class.getName() + " extends/implements mentions " + InternalMarker.class.getName());
    }

    /** A public type whose only leak is the interface it implements. */
    public abstract static class LeakyChild implements InternalMarker {}

    /** A public type that leaks the internal stack three ways, and hides it once. */
    public static class Leaky {

        /** A protected field. */
        protected PendoHttp stack;

        /**
         * A public constructor.
         *
         * @param http the stack
         */
        public Leaky(PendoHttp http) {
            this.stack = http;
        }

        /**
         * A type argument.
         *
         * @return nothing
         */
        public List<? extends PendoHttp> stacks() {
            return List.of();
        }

        PendoHttp packagePrivate() {
            return stack;
        }
    }
}
