package dev.janela.server.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: PostgreSQL (or any JDBC URL) when {@code JANELA_DB_URL} is set, else an H2 file under the data
 * directory. H2 runs in PostgreSQL mode so that one set of migrations serves both, and with {@code WRITE_DELAY=0}:
 * with H2's default delay, a commit that was acknowledged could be lost in a crash.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfiguration.class);
    // H2 gives up waiting for a row lock after 1 s by default; a conversation busy with many sends needs longer.
    private static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000";

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(JanelaProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("janela");
        JanelaProperties.Database db = properties.db();
        if (db.isExternal()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
            LOG.info("Database: {}", redacted(db.url()));
        } else {
            Path directory = properties.dataDir().toAbsolutePath();
            createDirectory(directory);
            config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("janela") + H2_OPTIONS);
            config.setUsername("janela");
            config.setPassword("");
            LOG.info("Database: embedded H2 in {}", directory);
        }
        return new HikariDataSource(config);
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
    }

    /** A JDBC URL without what may follow a {@code ?} (where passwords can hide). */
    static String redacted(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?***";
    }
}
