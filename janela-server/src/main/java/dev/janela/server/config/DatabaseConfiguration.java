package dev.janela.server.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.janela.server.jdbc.Dialect;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * The database: PostgreSQL when {@code JANELA_DB_URL} names one, else the embedded store, a SQLite file under the
 * data directory. SQLite keeps its journal ahead of the database (WAL) and waits for the disk at every commit
 * ({@code synchronous=FULL}), so that a commit acknowledged is one a crash keeps; every transaction takes the write
 * lock when it begins ({@code IMMEDIATE}), so that writers go one at a time and none has to give up half way, and a
 * writer waits its turn rather than fail. An embedded store an earlier Janela kept in H2 is converted first. The data
 * directory is held by one Janela at a time ({@link DataDirectoryLock}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfiguration.class);
    /** How long a transaction waits for another's write lock before it fails: well over the longest one. */
    private static final int BUSY_TIMEOUT_MILLIS = 30_000;
    /**
     * The driver's own query for the id of each row inserted is off: it ran after every insert whether its caller
     * asked for the id or not, a statement compiled each time. Janela's inserts that need the id say
     * {@code returning id}. The journal is copied into the database once it holds 10,000 pages (40 MB), not SQLite's
     * 1,000: under load a page changes many times between two copies and is written once for all of them, and the
     * writer, which makes the copy, stops for it a tenth as often (BENCHMARKS.md).
     */
    private static final String SQLITE_OPTIONS = "?journal_mode=WAL&synchronous=FULL&foreign_keys=true"
            + "&transaction_mode=IMMEDIATE&busy_timeout=" + BUSY_TIMEOUT_MILLIS + "&jdbc.get_generated_keys=false"
            + "&wal_autocheckpoint=10000";

    /** The data directory, held while Janela runs on its embedded store, which serves one Janela only. */
    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(JanelaProperties properties) {
        return properties.db().isExternal() ? DataDirectoryLock.none()
                : DataDirectoryLock.hold(properties.dataDir().toAbsolutePath());
    }

    /** The database, opened once the data directory is held: not even the conversion of an H2 store runs before. */
    @Bean(destroyMethod = "close")
    @DependsOn("dataDirectoryLock")
    HikariDataSource dataSource(JanelaProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("janela");
        JanelaProperties.Database db = properties.db();
        if (db.isExternal()) {
            if (Dialect.of(db.url()) == Dialect.POSTGRESQL) {
                // a batch of inserts (BatchedWrites, a campaign's list) becomes one statement of many rows
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
            }
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
            LOG.info("Database: {}", redacted(db.url()));
        } else {
            Path directory = properties.dataDir().toAbsolutePath();
            Path file = directory.resolve(EmbeddedStore.FILE_NAME);
            EmbeddedStore.convertEarlierStore(directory, DatabaseConfiguration::sqliteUrl);
            config.setDataSource(new KeptStatements(sqliteUrl(file)));
            LOG.info("Database: embedded SQLite in {}", file);
        }
        return new HikariDataSource(config);
    }

    /** How the database's exceptions read as Spring's, the embedded store's refusals included. */
    @Bean
    SQLExceptionTranslator sqlExceptionTranslator(HikariDataSource dataSource) {
        return new SqliteRefusals(new SQLErrorCodeSQLExceptionTranslator(dataSource));
    }

    @Bean
    Dialect dialect(JanelaProperties properties) {
        return properties.db().isExternal() ? Dialect.of(properties.db().url()) : Dialect.SQLITE;
    }

    static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file + SQLITE_OPTIONS;
    }

    /** A JDBC URL without what may follow a {@code ?} (where passwords can hide). */
    static String redacted(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?***";
    }
}
