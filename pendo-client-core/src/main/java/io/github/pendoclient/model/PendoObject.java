package io.github.pendoclient.model;

import java.util.Map;

/**
 * A model read from Pendo. Models declare the documented fields with typed accessors ({@link java.time.Instant} for
 * timestamps) and keep every other member in {@link #unknownFields()}, which is written back when the model is
 * serialized, so nothing Pendo sends is lost.
 */
public interface PendoObject {

    /**
     * The members this version of the SDK does not declare, in document order.
     *
     * @return member name to value (maps, lists, strings, {@code Long}, {@code Double}, booleans, null)
     */
    Map<String, Object> unknownFields();
}
