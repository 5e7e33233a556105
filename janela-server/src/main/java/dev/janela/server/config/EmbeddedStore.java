package dev.janela.server.config;

import dev.janela.server.jdbc.Instants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's file, and its conversion from the H2 database an earlier Janela kept under the same data
 * directory. The conversion brings the H2 store to the last schema H2 had (PostgreSQL's migrations to V9, which ran
 * on H2), copies every table, row for row and with every id, into a new SQLite file migrated to the same schema,
 * checks that every table holds as many rows on both sides and that every reference holds, and only then puts the
 * SQLite file in place and keeps the H2 file beside it, renamed. If anything fails, the H2 store is left as it was
 * and Janela does not start.
 */
final class EmbeddedStore {
    /** The SQLite file, under the data directory. */
    static final String FILE_NAME = "janela.db";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
    private static final String H2_BASE_NAME = "janela";
    private static final String H2_FILE_NAME = H2_BASE_NAME + ".mv.db";
    /** The last schema version H2 stores had; both sides are migrated to it before the copy. */
    private static final String LAST_H2_VERSION = "9";
    /** Every table, in an order in which each comes after those it refers to. */
    private static final List<String> TABLES = List.of("accounts", "users", "api_tokens", "server_settings",
            "channels", "customers", "conversations", "sessions", "templates", "template_reviews", "messages",
            "rate_cards", "charges", "processed_events", "idempotency_keys", "refused_sends", "notes",
            "pricing_periods", "usage_counts", "send_queue", "webhook_subscriptions", "webhook_deliveries");

    private EmbeddedStore() {
    }

    /**
     * Converts the H2 store under {@code directory} to the SQLite file there, if there is an H2 store and no SQLite
     * file yet.
     *
     * @param sqliteUrl the JDBC URL of a SQLite file, with the store's options
     * @throws IllegalStateException if the conversion fails; the H2 store is then as it was
     */
    static void convertEarlierStore(Path directory, Function<Path, String> sqliteUrl) {
        Path h2 = directory.resolve(H2_FILE_NAME);
        Path sqlite = directory.resolve(FILE_NAME);
        if (!Files.exists(h2) || Files.exists(sqlite)) {
            return;
        }
        LOG.info("Converting the embedded store in {} from H2, as an earlier Janela kept it, to SQLite", directory);
        Path converting = directory.resolve(FILE_NAME + ".converting");
        try {
            deleteIfExists(converting);
            long rows = copy(h2Url(directory), sqliteUrl.apply(converting));
            Files.move(converting, sqlite, StandardCopyOption.ATOMIC_MOVE);
            Path kept = directory.resolve(H2_FILE_NAME + ".converted");
            Files.move(h2, kept);
            LOG.info("Converted {} rows to {}; the H2 store is kept as {}", rows, sqlite, kept);
        } catch (SQLException | IOException | RuntimeException failure) {
            deleteIfExists(converting);
            throw new IllegalStateException("Janela could not convert the H2 store in " + directory + " to SQLite,"
                    + " and left it as it was: " + failure.getMessage(), failure);
        }
    }

    private static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.resolve(H2_BASE_NAME)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /** Copies every table from {@code fromUrl} to {@code toUrl}, both migrated first; returns how many rows. */
    private static long copy(String fromUrl, String toUrl) throws SQLException {
        migrate(fromUrl, "janela", "postgresql");
        migrate(toUrl, null, "sqlite");
        try (Connection from = DriverManager.getConnection(fromUrl, "janela", "");
                Connection to = DriverManager.getConnection(toUrl)) {
            try (Statement pragma = to.createStatement()) {
                pragma.execute("pragma foreign_keys = off");
            }
            to.setAutoCommit(false);
            long rows = 0;
            for (String table : TABLES) {
                rows += copy(table, from, to);
            }
            requireReferencesHold(to);
            to.commit();
            return rows;
        }
    }

    private static void migrate(String url, String user, String vendor) {
        Flyway.configure().dataSource(url, user, user == null ? null : "")
                .locations("classpath:db/migration/" + vendor).target(LAST_H2_VERSION).load().migrate();
    }

    private static long copy(String table, Connection from, Connection to) throws SQLException {
        List<String> columns = columns(table, to);
        String names = String.join(", ", columns);
        String slots = String.join(", ", columns.stream().map(column -> "?").toList());
        long copied = 0;
        try (Statement select = from.createStatement();
                ResultSet rows = select.executeQuery("select " + names + " from " + table);
                PreparedStatement insert = to.prepareStatement("insert into " + table + " (" + names
                        + ") values (" + slots + ")")) {
            while (rows.next()) {
                for (int index = 1; index <= columns.size(); index++) {
                    insert.setObject(index, stored(rows.getObject(index)));
                }
                insert.executeUpdate();
                copied++;
            }
        }
        long counted = count(table, to);
        if (counted != copied || count(table, from) != copied) {
            throw new IllegalStateException(table + ": " + copied + " rows read, " + counted + " written");
        }
        return copied;
    }

    /** A value as SQLite keeps it: instants as Janela's text, truths as 1 and 0. */
    private static Object stored(Object value) {
        if (value instanceof OffsetDateTime time) {
            return Instants.text(time.toInstant());
        }
        if (value instanceof Boolean truth) {
            return truth ? 1 : 0;
        }
        return value;
    }

    private static List<String> columns(String table, Connection sqlite) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = sqlite.createStatement();
                ResultSet info = statement.executeQuery("pragma table_info(" + table + ")")) {
            while (info.next()) {
                columns.add(info.getString("name"));
            }
        }
        return columns;
    }

    private static long count(String table, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void requireReferencesHold(Connection sqlite) throws SQLException {
        try (Statement statement = sqlite.createStatement();
                ResultSet broken = statement.executeQuery("pragma foreign_key_check")) {
            if (broken.next()) {
                throw new IllegalStateException("a row of " + broken.getString("table") + " refers to a missing row"
                        + " of " + broken.getString("parent"));
            }
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
