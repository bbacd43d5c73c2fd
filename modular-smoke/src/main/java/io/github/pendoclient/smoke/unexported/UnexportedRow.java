package io.github.pendoclient.smoke.unexported;

/**
 * A row record in a package that module-info.java neither exports nor opens to io.github.pendoclient, so core cannot
 * read JSON into it and must say so.
 *
 * @param accountId the account id
 */
public record UnexportedRow(String accountId) {}
