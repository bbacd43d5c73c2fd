package io.github.pendoclient;

/**
 * The outcome of {@link PendoClient#verifyKey()}.
 *
 * @param valid whether Pendo accepted the integration key on this host
 * @param statusCode the HTTP status of the check
 * @param message a sentence for people: what the status means and what to check
 */
public record KeyVerification(boolean valid, int statusCode, String message) {}
