package dev.janela.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The schema the migrations made, read back from the database's own catalogue. */
@JanelaServerTest
class SchemaTest {
    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private DataSource dataSource;

    @Test
    void theServerRunsOnTheDatabaseOfThisRun() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualTo(TestDatabase.isPostgres() ? "PostgreSQL" : "SQLite");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"conversations", "sessions", "messages", "charges", "processed_events",
        "refused_sends"})
    void everyTableOfConversationData_carriesTheAccountAndTheChannel(String table) {
        List<String> columns = TestDatabase.columns(dataSource, table);

        assertThat(columns).contains("account_id", "channel_id");
    }
}
