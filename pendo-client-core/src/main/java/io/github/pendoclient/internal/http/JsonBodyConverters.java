package io.github.pendoclient.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Reads response bodies with the shared Moshi, insisting on one complete JSON document and reporting where a body
 * that ends early was cut (Moshi's own end-of-input error has no path). An empty body is an
 * {@link EmptyBodyException}: Retrofit only asks this converter for calls that expect a body ({@code Void} has its own).
 * A body that is the JSON literal {@code null} is refused with a {@link JsonDataException} at path {@code $} wherever
 * an object, a list or any other typed value is expected, so no call returns {@code null} in place of a result; only a
 * call typed {@code Object} (any JSON value, such as a metadata field's value) may return it.
 */
final class JsonBodyConverters extends Converter.Factory {

    /** A response had no body where the call expects one. */
    static final class EmptyBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        EmptyBodyException() {
            super("The response has no body where one was expected");
        }
    }

    private final Moshi moshi;

    JsonBodyConverters(Moshi moshi) {
        this.moshi = moshi;
    }

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
        JsonAdapter<Object> adapter = moshi.adapter(type);
        boolean anyJsonValue = type == Object.class;
        return body -> {
            try (body) {
                if (body.source().exhausted()) {
                    throw new EmptyBodyException();
                }
                JsonReader reader = JsonReader.of(body.source());
                try {
                    Object value = adapter.fromJson(reader);
                    if (value == null && !anyJsonValue) {
                        throw new JsonDataException(
                                "Expected " + expected(type) + " but the body is the JSON literal" + " null at path $");
                    }
                    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                        throw new JsonDataException(
                                "Unexpected content after the JSON document at path " + reader.getPath());
                    }
                    return value;
                } catch (EOFException e) {
                    EOFException located = new EOFException("End of input at path " + reader.getPath());
                    located.initCause(e);
                    throw located;
                }
            }
        };
    }

    private static String expected(Type type) {
        Class<?> raw = com.squareup.moshi.Types.getRawType(type);
        return java.util.Collection.class.isAssignableFrom(raw)
                ? "a JSON array"
                : raw == String.class ? "a JSON string" : "a JSON object";
    }
}
