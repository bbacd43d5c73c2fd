package io.github.pendoclient.testing.internal;

/** An expression the fake cannot parse or evaluate; the fake answers it with 400 or 422. */
public final class ExpressionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whether the expression is valid but uses something the fake does not implement (422 rather than 400). */
    private final boolean unsupported;

    ExpressionException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    /**
     * Whether the expression uses something the fake does not implement.
     *
     * @return true for 422, false for a syntax error (400)
     */
    public boolean unsupported() {
        return unsupported;
    }
}
