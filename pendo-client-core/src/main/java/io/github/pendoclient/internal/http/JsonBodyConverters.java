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
        return body -> {
            try (body) {
                if (body.source().exhausted()) {
                    throw new EmptyBodyException();
                }
                JsonReader reader = JsonReader.of(body.source());
                try {
                    Object value = adapter.fromJson(reader);
                    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                        throw new JsonDataException("Unexpected content after the JSON document at path "
                                + reader.getPath());
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
}
