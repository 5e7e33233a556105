package dev.janela.server.testfixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The database the server's tests run on, chosen by the system property {@code janela.test.database}:
 * {@code sqlite} (the embedded store, in a fresh data directory per test run) or {@code postgresql} (the database
 * {@code JANELA_TEST_PG_URL} names, a JDBC URL with user and password). Without that variable the PostgreSQL tests
 * are skipped with a message, except under {@code CI=true}, where they fail.
 */
public final class TestDatabase implements ExecutionCondition {
    static final String PG_URL_VARIABLE = "JANELA_TEST_PG_URL";
    private static final String HOW_TO = "set " + PG_URL_VARIABLE
            + "=jdbc:postgresql://localhost:5432/janela_test?user=janela&password=... to run them (.ci/run does)";

    private static boolean warned;

    /** Whether this run is the PostgreSQL one. */
    public static boolean isPostgres() {
        return "postgresql".equals(System.getProperty("janela.test.database", "sqlite"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!isPostgres()) {
            return ConditionEvaluationResult.enabled("runs on the embedded SQLite store");
        }
        if (postgresUrl().isPresent()) {
            return ConditionEvaluationResult.enabled("runs on PostgreSQL");
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true requires the PostgreSQL tests: " + HOW_TO);
        }
        warnOnce();
        return ConditionEvaluationResult.disabled("PostgreSQL tests skipped: " + HOW_TO);
    }

    /**
     * Points the server under test at this run's database, before the context is refreshed: the settings are
     * bound early, and a property registered later would leave the server on its default database.
     */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> database = isPostgres()
                    ? Map.of("janela.db.url", postgresUrl().orElseThrow())
                    : Map.of("janela.data-dir", freshDataDirectory());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test database",
                    database));
        }
    }

    /** The columns of {@code table}, in lower case, as the database's own catalogue lists them. */
    public static List<String> columns(DataSource database, String table) {
        try (Connection connection = database.getConnection();
                ResultSet columns = connection.getMetaData().getColumns(null, null, table, null)) {
            List<String> names = new ArrayList<>();
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getenv(PG_URL_VARIABLE)).filter(url -> !url.isBlank());
    }

    private static String freshDataDirectory() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(parent, "sqlite-").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void warnOnce() {
        if (!warned) {
            warned = true;
            System.err.println("PostgreSQL tests skipped: " + HOW_TO);
        }
    }
}
