package dev.janela.bench.crash;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL database named by a JDBC URL with its user and password in the query
 * ({@code jdbc:postgresql://localhost:5432/janela_crash?user=janela&password=janela}), emptied before a run: its
 * {@code public} schema is dropped and made again.
 */
final class PostgresStore implements Store {
    private final String url;
    private final String user;
    private final String password;

    PostgresStore(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        this.url = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        Map<String, String> parameters = new HashMap<>();
        if (query >= 0) {
            for (String pair : jdbcUrl.substring(query + 1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        this.user = parameters.getOrDefault("user", "");
        this.password = parameters.getOrDefault("password", "");
    }

    @Override
    public String describe() {
        return "PostgreSQL " + url + " as " + user;
    }

    @Override
    public void prepare(ServerDrivers drivers) throws SQLException {
        try (Connection connection = open(drivers); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists public cascade");
            statement.execute("create schema public");
        }
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("JANELA_DB_URL", url, "JANELA_DB_USER", user, "JANELA_DB_PASSWORD", password);
    }

    @Override
    public Connection open(ServerDrivers drivers) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        return drivers.connect(url, credentials);
    }

    @Override
    public List<StoreCheck> engineChecks() {
        return List.of(new IndexCounts());
    }
}
