package dev.janela.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's connections are opened with the options Janela's durability and speed rest on. */
class SqliteOptionsTest {
    @TempDir
    private Path directory;

    @Test
    void aConnection_journalsAhead_waitsForTheDiskAtCommit_andCopiesTheJournalEvery10000Pages() throws SQLException {
        try (Connection connection = new KeptStatements(DatabaseConfiguration.sqliteUrl(directory.resolve("o.db")))
                .getConnection(); Statement statement = connection.createStatement()) {
            assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(statement, "synchronous")).as("FULL").isEqualTo("2");
            assertThat(pragma(statement, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(statement, "wal_autocheckpoint")).isEqualTo("10000");
        }
    }

    @Test
    void anInsertThatSaysReturningId_givesTheIdOfItsRow() throws SQLException {
        try (Connection connection = new KeptStatements(DatabaseConfiguration.sqliteUrl(directory.resolve("r.db")))
                .getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table names (id integer primary key, name text)");
            statement.execute("insert into names (name) values ('Ana'), ('Bruno')");
            try (ResultSet returned = statement.executeQuery(
                    "insert into names (name) values ('Carla') returning id")) {
                assertThat(returned.next()).isTrue();
                assertThat(returned.getLong(1)).isEqualTo(3);
            }
            try (ResultSet carla = statement.executeQuery("select name from names where id = 3")) {
                assertThat(carla.next()).isTrue();
                assertThat(carla.getString(1)).isEqualTo("Carla");
            }
        }
    }

    private static String pragma(Statement statement, String name) throws SQLException {
        try (ResultSet value = statement.executeQuery("pragma " + name)) {
            value.next();
            return value.getString(1);
        }
    }
}
