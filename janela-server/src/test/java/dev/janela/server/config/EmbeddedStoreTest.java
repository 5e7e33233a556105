package dev.janela.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded store an earlier Janela kept in H2 becomes the SQLite store on the first start, every row of every
 * table with it; a store that cannot be converted is left as it was.
 */
class EmbeddedStoreTest {
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    /** One row for every table, in the order of their references, with instants that keep their microseconds. */
    private static final List<String> ROWS = List.of(
            "insert into accounts (name, market_basis, created_at, time_zone, volume_tiers, plan_version, waba_id)"
                    + " values ('Loja Ana', 'recipient', '2026-03-02 09:00:00.123456+00', 'America/Sao_Paulo',"
                    + " 'market,category,from,to,price', 3, '1022901')",
            "insert into accounts (name, created_at) values ('Other', '2026-03-02 09:00:00+00')",
            "insert into users (account_id, email, name, role, password_hash, created_at, created_by) values (1,"
                    + " 'ana@example.com', 'Ana Souza Ção', 'admin', '$2a$10$hash', '2026-03-02 09:00:01+00',"
                    + " 'Janela')",
            "insert into api_tokens (account_id, token_hash, name, role, created_at, user_id, created_by) values (1,"
                    + " '" + "a".repeat(64) + "', 'ci', 'agent', '2026-03-02 09:00:02+00', 1, 'ana@example.com')",
            "insert into server_settings (setting, setting_value) values ('meta.app_secret', 'jnl_secret')",
            "insert into channels (account_id, phone_number_id, number, country, created_at, created_by, throughput)"
                    + " values (1, '100000000000001', '+5511999990000', 'BR', '2026-03-02 09:00:03+00', 'ci', 1000)",
            "insert into customers (account_id, wa_id, name, created_at) values (1, '5521988880001', 'Bruno',"
                    + " '2026-03-02 09:00:04+00')",
            "insert into conversations (account_id, channel_id, customer_id, window_expires_at, current_session_id,"
                    + " last_message_at, created_at, assigned_user_id, pricing_state) values (1, 1, 1,"
                    + " '2026-03-03 09:00:05.000001+00', 1, '2026-03-02 09:00:05.000001+00', '2026-03-02 09:00:05+00',"
                    + " 1, null)",
            "insert into sessions (account_id, channel_id, conversation_id, type, status, opened_at, opened_by,"
                    + " ended_at) values (1, 1, 1, 'USER_INITIATED', 'ACTIVE', '2026-03-02 09:00:05.000001+00',"
                    + " 'wamid.in-1', null)",
            "insert into templates (account_id, name, language, category, body, status, created_at, updated_at,"
                    + " created_by, header, meta_template_id) values (1, 'order_update', 'en', 'UTILITY',"
                    + " 'Hello {{1}}', 'APPROVED', '2026-03-02 09:00:06+00', '2026-03-02 09:00:07+00', 'ci', 'News',"
                    + " '9876')",
            "insert into template_reviews (account_id, template_id, verdict, comments, reviewed_by, at) values (1, 1,"
                    + " 'APPROVED', null, 'Meta', '2026-03-02 09:00:07+00')",
            "insert into messages (account_id, channel_id, conversation_id, wamid, direction, type, template_id,"
                    + " category, body, state, author, at, state_at, error_code, created_at, referral, priced_model,"
                    + " priced_unit, priced_category, meta_billable, callback_data) values (1, 1, 1, 'wamid.in-1',"
                    + " 'in', 'text', null, null, 'Olá! 😀', 'received', null, '2026-03-02 09:00:05.000001+00',"
                    + " '2026-03-02 09:00:05.000001+00', null, '2026-03-02 09:00:05+00', true, 'session', 'charged',"
                    + " 'user_initiated', false, null)",
            "insert into messages (account_id, channel_id, conversation_id, wamid, direction, type, template_id,"
                    + " category, body, state, author, at, state_at, error_code, created_at, meta_wamid) values"
                    + " (1, 1, 1, 'wamid.out-1', 'out', 'template', 1, 'utility', 'Hello Bruno', 'failed', 'ci',"
                    + " '2026-03-02 09:10:00+00', '2026-03-02 09:10:01+00', 131026, '2026-03-02 09:10:00+00',"
                    + " 'wamid.meta-1')",
            "insert into rate_cards (account_id, version, effective_from, currency, csv, created_at, created_by)"
                    + " values (1, 'v1', '2000-01-01 00:00:00+00', 'USD', 'market,category,price,currency', "
                    + "'2026-03-02 08:00:00+00', 'ci')",
            "insert into charges (account_id, channel_id, conversation_id, customer, event_id, kind, cause, at,"
                    + " market, category, amount_micros, currency, rate_card_version, created_at) values (1, 1, 1,"
                    + " '+5521988880001', 'wamid.in-1', 'charge', 'wamid.in-1:charge',"
                    + " '2026-03-02 09:00:05.000001+00', 'BR', 'user_initiated', 6800, 'USD', 'v1',"
                    + " '2026-03-02 09:00:05+00')",
            "insert into processed_events (account_id, channel_id, event_key, processed_at) values (1, 1,"
                    + " 'message:wamid.in-1', '2026-03-02 09:00:05+00')",
            "insert into idempotency_keys (account_id, idempotency_key, request_hash, state, response_status,"
                    + " response_body, created_at) values (1, 'key-1', '" + "b".repeat(64) + "', 'done', 200,"
                    + " '{\"messages\":[]}', '2026-03-02 09:10:00+00')",
            "insert into refused_sends (account_id, channel_id, code, at) values (1, 1, 131047,"
                    + " '2026-03-02 09:20:00+00')",
            "insert into notes (account_id, channel_id, conversation_id, author, text, created_at) values (1, 1, 1,"
                    + " 'ana@example.com', 'VIP', '2026-03-02 09:30:00+00')",
            "insert into pricing_periods (account_id, effective_from, model, created_at, created_by) values (1,"
                    + " '2025-07-01 03:00:00+00', 'pmp-2025', '2026-03-02 09:40:00+00', 'ci')",
            "insert into usage_counts (account_id, usage_month, counter, market, units) values (1, '2026-03',"
                    + " 'free-tier', '', 17)",
            "insert into send_queue (message_id, account_id, channel_id, wamid, wa_id, request, attempts, not_before,"
                    + " claimed_at, last_error, created_at) values (2, 1, 1, 'wamid.out-1', '5521988880001', '{}', 2,"
                    + " '2026-03-02 09:10:00+00', null, 'HTTP 503', '2026-03-02 09:10:00+00')",
            "insert into webhook_subscriptions (account_id, url, event_types, secret, active, created_at, created_by)"
                    + " values (1, 'https://example.com/events', 'message.received', 'whsec', true,"
                    + " '2026-03-02 09:50:00+00', 'ci')",
            "insert into webhook_deliveries (account_id, channel_id, subscription_id, event_id, event_type, body,"
                    + " state, attempts, next_attempt_at, created_at) values (1, 1, 1, 'evt_1', 'message.received',"
                    + " '{}', 'pending', 0, '2026-03-02 09:50:01+00', '2026-03-02 09:50:00+00')");

    @TempDir
    private Path directory;

    @Test
    void anEarlierH2Store_isConvertedOnce_everyRowOfEveryTableKept() throws SQLException {
        makeH2Store(ROWS);
        List<List<String>> before = rows(h2Url("janela"));

        EmbeddedStore.convertEarlierStore(directory, DatabaseConfiguration::sqliteUrl);

        assertThat(directory.resolve("janela.db")).exists();
        assertThat(directory.resolve("janela.mv.db")).doesNotExist();
        assertThat(directory.resolve("janela.mv.db.converted")).exists();
        assertThat(rows(DatabaseConfiguration.sqliteUrl(directory.resolve("janela.db")))).isEqualTo(before)
                .hasSize(ROWS.size());
    }

    @Test
    void aStoreThatCannotBeConverted_isLeftAsItWas() throws SQLException {
        makeH2Store(List.of(ROWS.get(0), "set referential_integrity false",
                "insert into customers (account_id, wa_id, created_at) values (99, '5521988880009',"
                        + " '2026-03-02 09:00:04+00')"));

        assertThatThrownBy(() -> EmbeddedStore.convertEarlierStore(directory, DatabaseConfiguration::sqliteUrl))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("left it as it was")
                .hasMessageContaining("customers");

        assertThat(directory.resolve("janela.mv.db")).exists();
        assertThat(directory.resolve("janela.db")).doesNotExist();
        assertThat(directory.resolve("janela.db.converting")).doesNotExist();
    }

    @Test
    void aDirectoryWithASqliteStoreAlready_isNotConvertedAgain() throws Exception {
        makeH2Store(ROWS);
        Files.writeString(directory.resolve("janela.db"), "");

        EmbeddedStore.convertEarlierStore(directory, DatabaseConfiguration::sqliteUrl);

        assertThat(directory.resolve("janela.mv.db")).exists();
    }

    /** An H2 store under the directory, migrated as an earlier Janela left it, holding {@code statements}' rows. */
    private void makeH2Store(List<String> statements) throws SQLException {
        Flyway.configure().dataSource(h2Url("janela"), "janela", "")
                .locations("classpath:db/migration/postgresql").target("9").load().migrate();
        try (Connection h2 = DriverManager.getConnection(h2Url("janela"), "janela", "");
                Statement statement = h2.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private String h2Url(String name) {
        return "jdbc:h2:file:" + directory.resolve(name) + H2_OPTIONS;
    }

    /** Every row of every table, each value as the same text whichever database it came from. */
    private static List<List<String>> rows(String url) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "janela", "");
                Statement statement = connection.createStatement()) {
            for (String table : List.of("accounts", "users", "api_tokens", "server_settings", "channels", "customers",
                    "conversations", "sessions", "templates", "template_reviews", "messages", "rate_cards",
                    "charges", "processed_events", "idempotency_keys", "refused_sends", "notes", "pricing_periods",
                    "usage_counts", "send_queue", "webhook_subscriptions", "webhook_deliveries")) {
                try (ResultSet result = statement.executeQuery("select * from " + table + " order by 1")) {
                    while (result.next()) {
                        rows.add(row(table, result));
                    }
                }
            }
        }
        return rows;
    }

    private static List<String> row(String table, ResultSet result) throws SQLException {
        ResultSetMetaData columns = result.getMetaData();
        List<String> cells = new ArrayList<>();
        cells.add(table);
        List<String> names = new ArrayList<>();
        for (int index = 1; index <= columns.getColumnCount(); index++) {
            names.add(columns.getColumnName(index).toLowerCase(Locale.ROOT));
        }
        for (String name : names.stream().sorted().toList()) {
            cells.add(name + "=" + text(name, result.getObject(name)));
        }
        return cells;
    }

    /** A value as text that does not depend on how its database types it. */
    private static String text(String column, Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant().toString();
        }
        if (value instanceof Boolean truth) {
            return truth ? "1" : "0";
        }
        if (value instanceof String text && text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T.*Z")) {
            return Instant.parse(text).toString();
        }
        return value.toString();
    }
}
