package io.github.pendoclient.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code Map<String, Object>} component of a record that receives every JSON member the record does not
 * declare. Members kept there are written back by {@code toJson}, so a model read from Pendo and written out again
 * loses no column, even when Pendo adds fields this version of the SDK does not know. Nulls inside kept values are
 * written back as nulls; a declared component that is null is written as absent.
 *
 * <pre>{@code
 * record Feature(String id, String name, @UnknownFields Map<String, Object> unknownFields) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface UnknownFields {}
