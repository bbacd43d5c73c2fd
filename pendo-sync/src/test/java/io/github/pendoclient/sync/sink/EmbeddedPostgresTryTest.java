package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The server docs/pendo-sync.md offers for trying the PostgreSQL sink: what it prints is what it accepts. */
class EmbeddedPostgresTryTest {

    @Test
    void aServerForTryingAcceptsThePrintedUserAndPasswordOnItsDatabase() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start()) {
            String url = server.openForTrying();

            try (Connection connection =
                            DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.TRY_PASSWORD);
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT current_database()")) {
                assertThat(result.next()).isTrue();
                assertThat(url).endsWith("/" + result.getString(1));
            }
        }
    }
}
