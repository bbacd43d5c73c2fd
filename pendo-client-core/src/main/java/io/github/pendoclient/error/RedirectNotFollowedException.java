package io.github.pendoclient.error;

import java.util.List;
import java.util.Optional;

/**
 * Pendo, or something between the client and Pendo, answered with a redirect (301, 302, 303, 307, 308) that the
 * client does not follow: one to another scheme, host or port, because the integration key or shared secret never
 * leaves the API host; or more than a few redirects in a row within the host. Pendo does not redirect API calls to
 * another host, so this usually means a wrong base URL or region, or a proxy or captive portal in between: check them
 * rather than retrying. The request was not sent to the redirect's target.
 */
public class RedirectNotFollowedException extends PendoApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param error the details of the redirect response; its {@code location} header has no user name or password
     */
    public RedirectNotFollowedException(String message, ApiError error) {
        super(message, error);
    }

    /**
     * Where the redirect pointed, as an absolute URL when it could be resolved, without any user name or password.
     *
     * @return the {@code Location} of the redirect, or empty when the response had none
     */
    public Optional<String> location() {
        List<String> values = headers().get("location");
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
