package dev.janela.bench.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The embedded default: SQLite's {@code janela.db} in the server's data directory, fresh for each run. */
final class EmbeddedStore implements Store {
    private static final String FILE = "janela.db";

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
        if (!Files.exists(dataDir.resolve(FILE))) {
            throw new SQLException("the data directory " + dataDir + " holds no " + FILE);
        }
        return drivers.connect("jdbc:sqlite:" + dataDir.resolve(FILE), new Properties());
    }

    @Override
    public List<StoreCheck> engineChecks() {
        return List.of(new SqliteIntegrity());
    }
}
