package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonBytesWriter;

/**
 * The aggregation answer's JSON writer: {@link JsonBytesWriter}, the bytes Moshi writes without its per-token
 * bookkeeping, with rolled-up event rows writing themselves from their compact form. One per answer.
 */
final class RowJsonWriter extends JsonBytesWriter {

    @Override
    protected boolean custom(Object value) {
        if (value instanceof RolledUpRow row && row.writesItself()) {
            row.writeJson(this);
            return true;
        }
        return false;
    }
}
