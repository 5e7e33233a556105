package dev.janela.bench.crash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every store must hold after a crash, in SQL that PostgreSQL and SQLite both read: nothing twice that is
 * unique (a charge's cause, a message's id, an applied event, a key), no row whose parent is gone, no conversation
 * with two sessions that have not ended, and no half of a decision without its other half (a charge without its
 * message, a message priced as charged without its charge, an event marked applied without the message it stored, a
 * session opened by no message, a key answered with a message that is not there, a session started without its
 * charge or a charge that started none, as the {@code session} model makes them). And the rows are those the server
 * showed before it died for the last time.
 */
final class RowConsistency implements StoreCheck {
    private static final int SAMPLES = 10;
    private static final Pattern ANSWERED_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private record Query(String problem, String sql) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query("charge recorded more than once for one cause",
                    "select cause, count(*) from charges group by account_id, cause having count(*) > 1"),
            new Query("message stored more than once",
                    "select wamid, count(*) from messages group by channel_id, wamid having count(*) > 1"),
            new Query("webhook event marked applied more than once", "select event_key, count(*) from"
                    + " processed_events group by channel_id, event_key having count(*) > 1"),
            new Query("idempotency key kept more than once", "select idempotency_key, count(*) from"
                    + " idempotency_keys group by account_id, idempotency_key having count(*) > 1"),
            new Query("customer stored more than once",
                    "select handle, count(*) from customers group by account_id, handle having count(*) > 1"),
            new Query("BSUID held by more than one customer", "select user_id, count(*) from customers"
                    + " where user_id is not null group by account_id, user_id having count(*) > 1"),
            new Query("conversation stored more than once", "select customer_id, count(*) from conversations"
                    + " group by channel_id, customer_id having count(*) > 1"),
            new Query("message of no conversation", "select m.wamid, m.conversation_id from messages m"
                    + " left join conversations v on v.id = m.conversation_id where v.id is null"),
            new Query("charge of no conversation", "select c.cause, c.conversation_id from charges c"
                    + " left join conversations v on v.id = c.conversation_id where v.id is null"),
            new Query("session of no conversation", "select s.opened_by, s.conversation_id from sessions s"
                    + " left join conversations v on v.id = s.conversation_id where v.id is null"),
            new Query("conversation of no customer", "select v.id, v.customer_id from conversations v"
                    + " left join customers c on c.id = v.customer_id where c.id is null"),
            new Query("conversation whose current session is not its own", "select v.id, v.current_session_id"
                    + " from conversations v left join sessions s on s.id = v.current_session_id"
                    + " and s.conversation_id = v.id where v.current_session_id is not null and s.id is null"),
            new Query("charge of no stored message", "select c.cause, c.event_id from charges c"
                    + " left join messages m on m.channel_id = c.channel_id and m.wamid = c.event_id"
                    + " where m.id is null"),
            new Query("message priced as charged without its charge", "select m.wamid, m.conversation_id"
                    + " from messages m left join charges c on c.account_id = m.account_id"
                    + " and c.cause = m.wamid || ':charge' where m.priced_unit = 'charged' and c.id is null"),
            new Query("charge of a message not priced as charged", "select c.cause, m.priced_unit from charges c"
                    + " join messages m on m.channel_id = c.channel_id and m.wamid = c.event_id"
                    + " where c.kind = 'charge' and (m.priced_unit is null or m.priced_unit <> 'charged')"),
            new Query("conversation with more than one session not ended", "select conversation_id, count(*)"
                    + " from sessions where status <> 'ENDED' group by conversation_id having count(*) > 1"),
            new Query("session started without its charge", "select s.opened_by, s.conversation_id from sessions s"
                    + " left join charges c on c.account_id = s.account_id and c.cause = s.opened_by || ':charge'"
                    + " where c.id is null"),
            new Query("charge that started no session", "select c.cause, c.conversation_id from charges c"
                    + " left join sessions s on s.conversation_id = c.conversation_id and s.opened_by = c.event_id"
                    + " where c.kind = 'charge' and s.id is null"),
            new Query("session opened by no stored message", "select s.opened_by, s.conversation_id from sessions s"
                    + " left join messages m on m.channel_id = s.channel_id and m.wamid = s.opened_by"
                    + " where m.id is null"));

    private final long messagesShown;
    private final long chargesShown;

    /**
     * @param messagesShown how many messages the server listed before it died for the last time
     * @param chargesShown how many ledger rows it listed then
     */
    RowConsistency(long messagesShown, long chargesShown) {
        this.messagesShown = messagesShown;
        this.chargesShown = chargesShown;
    }

    @Override
    public String name() {
        return "rows: unique, parented, whole, as shown";
    }

    @Override
    public Result run(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (Query query : QUERIES) {
            problems.addAll(samples(connection, query));
        }
        Set<String> stored = strings(connection, "select channel_id || ' ' || wamid from messages");
        for (String marker : strings(connection, "select channel_id || ' ' || event_key from processed_events"
                + " where event_key like 'message:%'")) {
            if (!stored.contains(marker.replaceFirst(" message:", " "))) {
                problems.add("webhook message marked applied but not stored: " + marker);
            }
        }
        Set<String> wamids = new HashSet<>();
        stored.forEach(row -> wamids.add(row.substring(row.indexOf(' ') + 1)));
        for (String answer : strings(connection, "select idempotency_key || ' ' || response_body"
                + " from idempotency_keys where state = 'done' and response_status = 200")) {
            Matcher id = ANSWERED_ID.matcher(answer);
            if (!id.find() || !wamids.contains(id.group(1))) {
                problems.add("key answered with a message that is not stored: "
                        + answer.substring(0, answer.indexOf(' ')));
            }
        }
        compare(connection, "messages", messagesShown, problems);
        compare(connection, "charges", chargesShown, problems);
        return new Result(QUERIES.size() + 4 + " queries; " + messagesShown + " messages and " + chargesShown
                + " charges as shown", problems);
    }

    private static void compare(Connection connection, String table, long shown, List<String> problems)
            throws SQLException {
        long stored;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            stored = rows.getLong(1);
        }
        if (stored != shown) {
            problems.add(table + ": the store holds " + stored + " rows after the last kill; the server showed "
                    + shown + " before it");
        }
    }

    private static List<String> samples(Connection connection, Query query) throws SQLException {
        List<String> found = new ArrayList<>();
        int count = 0;
        try (PreparedStatement statement = connection.prepareStatement(query.sql());
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (++count <= SAMPLES) {
                    found.add(query.problem() + ": " + rows.getString(1) + " (" + rows.getString(2) + ")");
                }
            }
        }
        if (count > SAMPLES) {
            found.add(query.problem() + ": " + (count - SAMPLES) + " more");
        }
        return found;
    }

    private static Set<String> strings(Connection connection, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
