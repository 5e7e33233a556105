package dev.janela.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

class KeptStatementsTest {
    private static final String BY_ID = "select name from customers where id = ?";

    @TempDir
    private Path directory;
    private KeptStatements store;

    @BeforeEach
    void aStoreWithCustomers() throws SQLException {
        store = new KeptStatements(DatabaseConfiguration.sqliteUrl(directory.resolve("kept.db")));
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table customers (id integer primary key, name text)");
            statement.execute("insert into customers values (1, 'Ana'), (2, 'Bruno'), (3, 'Carla')");
        }
    }

    @Test
    void theSameSqlPreparedAgain_isTheStatementKept_withTheNewParametersOnly() throws SQLException {
        try (Connection connection = store.getConnection()) {
            PreparedStatement first = connection.prepareStatement(BY_ID);
            first.setLong(1, 1);
            assertThat(names(first)).containsExactly("Ana");
            first.close();

            PreparedStatement again = connection.prepareStatement(BY_ID);
            again.setLong(1, 2);
            assertThat(names(again)).containsExactly("Bruno");
            assertThat(sqlite(again)).isSameAs(sqlite(first));
            again.close();
        }
    }

    @Test
    void aStatementAskedForWhileItsTwinIsInUse_isPreparedApart_andBothRead() throws SQLException {
        try (Connection connection = store.getConnection()) {
            PreparedStatement outer = connection.prepareStatement(BY_ID);
            outer.setLong(1, 1);
            try (ResultSet rows = outer.executeQuery()) {
                rows.next();
                PreparedStatement inner = connection.prepareStatement(BY_ID);
                inner.setLong(1, 3);
                assertThat(names(inner)).containsExactly("Carla");
                assertThat(sqlite(inner)).isNotSameAs(sqlite(outer));
                inner.close();
                assertThat(sqlite(inner).isClosed()).as("the one prepared apart is closed").isTrue();
                assertThat(rows.getString(1)).isEqualTo("Ana");
            }
            outer.close();
        }
    }

    @Test
    void aQueryClosedWithItsRowsHalfRead_holdsNoRead_andSeesWhatAnotherConnectionCommitsNext() throws SQLException {
        try (Connection reader = store.getConnection(); Connection writer = store.getConnection()) {
            PreparedStatement all = reader.prepareStatement("select name from customers order by id");
            try (ResultSet rows = all.executeQuery()) {
                rows.next();
            }
            all.close();
            try (Statement insert = writer.createStatement()) {
                insert.execute("insert into customers values (4, 'Davi')");
            }

            PreparedStatement again = reader.prepareStatement("select name from customers order by id");
            assertThat(names(again)).containsExactly("Ana", "Bruno", "Carla", "Davi");
            again.close();
        }
    }

    @Test
    void closingTheConnection_closesWhatItKept() throws SQLException {
        PreparedStatement kept;
        try (Connection connection = store.getConnection()) {
            kept = connection.prepareStatement(BY_ID);
            kept.setLong(1, 1);
            names(kept);
            kept.close();
            assertThat(sqlite(kept).isClosed()).as("kept while the connection is open").isFalse();
        }
        assertThat(sqlite(kept).isClosed()).isTrue();
    }

    @Test
    void pastTheMostKept_theLeastRecentlyUsedIsClosed() throws SQLException {
        try (Connection connection = store.getConnection()) {
            List<PreparedStatement> prepared = new ArrayList<>();
            for (int i = 0; i <= KeptStatements.MOST_KEPT; i++) {
                PreparedStatement statement = connection.prepareStatement("select " + i + " from customers");
                prepared.add(statement);
                statement.close();
            }
            assertThat(sqlite(prepared.get(0)).isClosed()).isTrue();
            assertThat(sqlite(prepared.get(1)).isClosed()).isFalse();
        }
    }

    @Test
    void aStatementWithACursorOfItsOwnKind_isNotKept_andClosesAsUsual() throws SQLException {
        try (Connection connection = store.getConnection()) {
            PreparedStatement first = connection.prepareStatement(BY_ID, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            first.setLong(1, 1);
            assertThat(names(first)).containsExactly("Ana");
            first.close();
            assertThat(sqlite(first).isClosed()).isTrue();

            PreparedStatement again = connection.prepareStatement(BY_ID, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            again.setLong(1, 2);
            assertThat(names(again)).containsExactly("Bruno");
            assertThat(sqlite(again)).isNotSameAs(sqlite(first));
            again.close();
        }
    }

    private static List<String> names(PreparedStatement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** The driver's own statement behind what the connection handed out. */
    private static JDBC4PreparedStatement sqlite(PreparedStatement statement) throws SQLException {
        return statement.unwrap(JDBC4PreparedStatement.class);
    }
}
