package dev.janela.bench.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The embedded default: a database file in the server's data directory, fresh for each run. Which engine wrote it
 * is told by its file: {@code janela.mv.db} is H2's, {@code janela.db} SQLite's.
 */
final class EmbeddedStore implements Store {
    private static final String H2_FILE = "janela.mv.db";
    private static final String SQLITE_FILE = "janela.db";
    // As the server opens it, so that names read the same (lower case) and nothing new is made if the file is gone.
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";IFEXISTS=TRUE";

    private final Path dataDir;

    EmbeddedStore(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath();
    }

    @Override
    public String describe() {
        return "embedded database in " + dataDir;
    }

    @Override
    public void prepare(ServerDrivers drivers) {
        // a new data directory holds nothing
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }

    @Override
    public Connection open(ServerDrivers drivers) throws SQLException {
        if (Files.exists(dataDir.resolve(SQLITE_FILE))) {
            return drivers.connect("jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE), new Properties());
        }
        if (Files.exists(dataDir.resolve(H2_FILE))) {
            Properties credentials = new Properties();
            credentials.setProperty("user", "janela");
            credentials.setProperty("password", "");
            return drivers.connect("jdbc:h2:file:" + dataDir.resolve("janela") + H2_OPTIONS, credentials);
        }
        throw new SQLException("the data directory " + dataDir + " holds neither " + SQLITE_FILE + " nor " + H2_FILE);
    }

    @Override
    public List<StoreCheck> engineChecks() {
        if (Files.exists(dataDir.resolve(SQLITE_FILE))) {
            return List.of(new SqliteIntegrity());
        }
        return List.of(new IndexCounts(IndexCounts.Dialect.H2));
    }
}
