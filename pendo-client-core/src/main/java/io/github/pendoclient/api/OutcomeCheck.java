package io.github.pendoclient.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says, for a write that may not be repeated, how to find out whether it took effect when its answer was lost. The
 * text ends up in {@link io.github.pendoclient.error.OutcomeUnknownException#whatToCheck()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OutcomeCheck {

    /**
     * How to check, for example {@code "client.segments().list() shows whether the segment exists"}.
     *
     * @return the instruction
     */
    String value();
}
