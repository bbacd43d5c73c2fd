package io.github.pendoclient.internal.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Retrofit;

/**
 * Lets Retrofit methods of this stack return their body directly ({@code Visitor get(...)}, run at once with the
 * stack's retries and typed errors) or as a {@code CompletableFuture<Visitor>} (run with the stack's non-blocking
 * retries). Methods returning {@code Call<T>} keep Retrofit's own behaviour.
 */
final class PendoCallAdapters extends CallAdapter.Factory {

    private final PendoHttp http;

    PendoCallAdapters(PendoHttp http) {
        this.http = http;
    }

    @Override
    public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
        Class<?> raw = getRawType(returnType);
        if (raw == Call.class) {
            return null;
        }
        if (raw == CompletableFuture.class) {
            if (!(returnType instanceof ParameterizedType parameterized)) {
                throw new IllegalArgumentException(
                        "CompletableFuture return types need a body type, for example" + " CompletableFuture<Visitor>");
            }
            Type body = getParameterUpperBound(0, parameterized);
            return new CallAdapter<Object, CompletableFuture<Object>>() {
                @Override
                public Type responseType() {
                    return body;
                }

                @Override
                public CompletableFuture<Object> adapt(Call<Object> call) {
                    return http.executeAsync(call);
                }
            };
        }
        return new CallAdapter<Object, Object>() {
            @Override
            public Type responseType() {
                return returnType;
            }

            @Override
            public Object adapt(Call<Object> call) {
                return http.execute(call);
            }
        };
    }

    /** The body type of a Retrofit method's return type: {@code T} of {@code Call<T>} or a future, else itself. */
    static Type bodyType(Type returnType) {
        Class<?> raw = getRawType(returnType);
        if ((raw == Call.class || raw == CompletableFuture.class) && returnType instanceof ParameterizedType p) {
            return getParameterUpperBound(0, p);
        }
        return returnType;
    }
}
