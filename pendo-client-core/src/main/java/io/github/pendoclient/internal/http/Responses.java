package io.github.pendoclient.internal.http;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import io.github.pendoclient.error.ApiError;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.error.PendoException;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import retrofit2.Converter;

/**
 * What {@link PendoHttp}'s callers get from what the stack received: a converted body, a successful response, or the
 * typed exception of {@code io.github.pendoclient.error} for an error status, an I/O failure or an unreadable body.
 */
final class Responses {

    private final ErrorMapper errors;

    Responses(ErrorMapper errors) {
        this.errors = errors;
    }

    /** The call's request, built now so that an argument Retrofit refuses becomes a typed exception. */
    static Request requestOf(retrofit2.Call<?> call) {
        try {
            return call.request();
        } catch (IllegalArgumentException refused) {
            throw new InvalidRequestException(
                    "The request was not sent: " + refused.getMessage()
                            + ". Check the arguments; path ids may not be '.' or '..'.",
                    new ApiError("", "", 0, 0, null, "", null));
        }
    }

    /** Converts the body of a response that is still to come; cancelling the result cancels the call. */
    <T> CompletableFuture<T> complete(
            Request request, CompletableFuture<Response> responses, Converter<ResponseBody, T> converter) {
        CompletableFuture<T> future = new CompletableFuture<>();
        responses.whenComplete((response, failure) -> {
            if (failure != null) {
                future.completeExceptionally(translate(request, failure));
                return;
            }
            try (response) {
                future.complete(convert(response, converter));
            } catch (IOException | RuntimeException e) {
                future.completeExceptionally(e instanceof PendoException ? e : translate(response.request(), e));
            }
        });
        future.whenComplete((value, failure) -> {
            if (future.isCancelled()) {
                responses.cancel(true);
            }
        });
        return future;
    }

    /** What Retrofit does with a response: the converted body of a success, else a typed exception. */
    private <T> T convert(Response response, Converter<ResponseBody, T> converter) throws IOException {
        if (!response.isSuccessful()) {
            throw errors.fromResponse(response);
        }
        int code = response.code();
        if (code == 204 || code == 205) {
            if (RequestTags.expectsBody(response.request())) {
                throw errors.unreadable(response.request(), new JsonBodyConverters.EmptyBodyException());
            }
            return null;
        }
        return converter.convert(response.body());
    }

    /** The body of a Retrofit response, or the typed exception of an error status. */
    <T> T bodyOf(retrofit2.Response<T> response) {
        if (response.isSuccessful()) {
            T body = response.body();
            if (body == null
                    && (response.code() == 204 || response.code() == 205)
                    && RequestTags.expectsBody(response.raw().request())) {
                throw errors.unreadable(response.raw().request(), new JsonBodyConverters.EmptyBodyException());
            }
            return body;
        }
        try (Response raw = rawErrorResponse(response)) {
            throw errors.fromResponse(raw);
        }
    }

    private static Response rawErrorResponse(retrofit2.Response<?> response) {
        return response.raw().newBuilder().body(response.errorBody()).build();
    }

    /** The response of {@code responses} if it is a success, else a typed exception; cancelling cancels the call. */
    CompletableFuture<Response> successful(Request request, CompletableFuture<Response> responses) {
        CompletableFuture<Response> future = new CompletableFuture<>();
        responses.whenComplete((response, failure) -> {
            if (failure != null) {
                future.completeExceptionally(translate(request, failure));
            } else if (!response.isSuccessful()) {
                try (response) {
                    future.completeExceptionally(errors.fromResponse(response));
                } catch (RuntimeException e) {
                    future.completeExceptionally(translate(request, e));
                }
            } else if (!future.complete(response)) {
                response.close();
            }
        });
        future.whenComplete((value, failure) -> {
            if (future.isCancelled()) {
                responses.cancel(true);
            }
        });
        return future;
    }

    /**
     * Translates a failure while reading a response into a typed exception: malformed or truncated JSON becomes
     * {@link io.github.pendoclient.error.UnreadableResponseException}, other I/O failures
     * {@link io.github.pendoclient.error.PendoNetworkException}.
     *
     * @param request the request whose response failed
     * @param failure the failure
     * @return the typed exception
     */
    PendoException translate(Request request, Throwable failure) {
        if (failure instanceof PendoException pendo) {
            return pendo;
        }
        if (failure instanceof AttemptsExhaustedException exhausted) {
            return errors.fromIoFailure(request, exhausted);
        }
        if (failure instanceof JsonDataException
                || failure instanceof JsonEncodingException
                || failure instanceof EOFException
                || failure instanceof JsonBodyConverters.EmptyBodyException) {
            return errors.unreadable(request, failure);
        }
        if (failure instanceof IOException io) {
            return errors.fromIoFailure(request, io);
        }
        return new PendoException(
                "Unexpected failure of " + request.method() + " "
                        + request.url().encodedPath() + ": " + failure,
                failure);
    }
}
