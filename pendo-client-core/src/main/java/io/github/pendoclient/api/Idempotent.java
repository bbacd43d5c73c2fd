package io.github.pendoclient.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Retrofit method whose request may be sent twice with the effect of once, so the client retries it after
 * any transient failure, even when the answer was lost after Pendo received it. {@code GET}, {@code HEAD},
 * {@code PUT}, {@code DELETE} and {@code OPTIONS} are idempotent without it; a {@code POST} or {@code PATCH} without
 * it is retried only when the request certainly was not processed (a refused connection or a 429; a 503, even with
 * {@code Retry-After}, proves nothing), and otherwise fails with
 * {@link io.github.pendoclient.error.OutcomeUnknownException}.
 *
 * <pre>{@code
 * interface MyApi {
 *     @Idempotent
 *     @POST("api/v1/metadata/visitor/custom/value")
 *     List<Object> setValues(@Body List<Map<String, Object>> rows);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {}
