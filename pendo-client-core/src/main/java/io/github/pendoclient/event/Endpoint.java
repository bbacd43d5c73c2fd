package io.github.pendoclient.event;

import java.util.Objects;

/**
 * The endpoint of a call, as a template: {@code GET} and {@code /api/v1/visitor/{visitorId}}, never the id itself,
 * so that it can serve as a metric tag.
 *
 * @param method the HTTP method, upper case
 * @param template the path template relative to the host, starting with {@code /}
 */
public record Endpoint(String method, String template) {

    /**
     * Checks the components.
     *
     * @param method the HTTP method, upper case
     * @param template the path template relative to the host, starting with {@code /}
     * @throws NullPointerException if a component is null
     */
    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
