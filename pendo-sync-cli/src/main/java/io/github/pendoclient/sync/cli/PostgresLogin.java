package io.github.pendoclient.sync.cli;

import io.github.pendoclient.sync.sink.PostgresSink;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Connects {@code --postgres}, and turns a refused login into advice in the command line's terms: the user given
 * with {@code --postgres-user} and the password read from {@value PendoSyncCommand#ENV_PG_PASSWORD}.
 */
final class PostgresLogin {

    /** SQLSTATE of a wrong password ({@code invalid_password}). */
    static final String INVALID_PASSWORD = "28P01";
    /** SQLSTATE of a login the server refuses for another reason ({@code invalid_authorization_specification}). */
    static final String INVALID_AUTHORIZATION = "28000";
    /** SQLSTATE the driver gives when the server asks for a password and none was given. */
    static final String CONNECTION_REJECTED = "08004";

    private PostgresLogin() {}

    /**
     * Connects.
     *
     * @param url the JDBC URL
     * @param user the database user
     * @param password the password, or null when the variable is not set
     * @return the sink
     * @throws IOException if it cannot connect; a refused login is a {@link CompleteOpenFailure}
     */
    static PostgresSink connect(String url, String user, String password) throws IOException {
        try {
            return PostgresSink.connect(url, user, password);
        } catch (IOException e) {
            String state = e.getCause() instanceof SQLException sql ? sql.getSQLState() : null;
            if (INVALID_PASSWORD.equals(state) || INVALID_AUTHORIZATION.equals(state)) {
                throw new CompleteOpenFailure(
                        "the server refused the login: authentication failed for user " + user + ". Set "
                                + PendoSyncCommand.ENV_PG_PASSWORD + " to that user's"
                                + " password" + (password == null ? " (it is not set)" : "") + ", or give another user"
                                + " with --postgres-user, then run again.",
                        e);
            }
            if (password == null && CONNECTION_REJECTED.equals(state)) {
                throw new CompleteOpenFailure(
                        "the server asks user " + user + " for a password and " + PendoSyncCommand.ENV_PG_PASSWORD
                                + " is not set; set it to that user's password," + " then run again.",
                        e);
            }
            throw e;
        }
    }
}
