package io.github.pendoclient.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Other member names a record component is read from when its own name is absent, for one model that two endpoints
 * send under different names (Pendo's REST {@code GET /api/v1/visitor/{id}} says {@code id} where the aggregation
 * row says {@code visitorId}). The component is always written under its own name. When the body carries both, the
 * component's own name wins and the other member is kept in the record's {@link UnknownFields}.
 *
 * <pre>{@code
 * record Visitor(@AlsoReads("id") String visitorId, @UnknownFields Map<String, Object> unknownFields) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface AlsoReads {

    /**
     * The other member names, tried in order.
     *
     * @return at least one name
     */
    String[] value();
}
