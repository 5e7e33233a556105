package dev.janela.server.report;

import dev.janela.server.jdbc.Instants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Adds up an account's ledger over a period, grouped by any of {@link Dimension}: the net total (reversals
 * subtract), how many charges and reversals, and how many sessions opened. The rows are read once, in order, and
 * summed exactly, whatever the database.
 */
@Repository
class CostReports {
    /** Meta's code for a free-form message outside the window. */
    private static final int OUTSIDE_WINDOW = 131047;

    private final JdbcClient jdbc;

    CostReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One group's sums.
     *
     * @param key the group's value for each dimension, in the order asked
     * @param totalMicros the net amount, in millionths of {@code currency}
     */
    record Group(List<String> key, String currency, long totalMicros, long charges, long reversals, long sessions) {
    }

    /** The groups of {@code [from, to)}, in the order of their keys. */
    List<Group> costs(long accountId, Instant from, Instant to, List<Dimension> groupBy) {
        Map<List<String>, Sums> groups = new TreeMap<>(CostReports::compareKeys);
        jdbc.sql("select c.at, c.market, c.category, h.phone_number_id, c.kind, c.amount_micros, c.currency"
                + " from charges c join channels h on h.id = c.channel_id"
                + " where c.account_id = :account and c.at >= :from and c.at < :to")
                .param("account", accountId).param("from", Instants.param(from)).param("to", Instants.param(to))
                .query(row -> {
                    List<String> key = key(groupBy, Instants.read(row, "at"), row.getString("market"),
                            row.getString("category"), row.getString("phone_number_id"));
                    Sums sums = groups.computeIfAbsent(key, ignored -> new Sums());
                    sums.currency = row.getString("currency");
                    sums.totalMicros = Math.addExact(sums.totalMicros, row.getLong("amount_micros"));
                    if (row.getString("kind").equals("reversal")) {
                        sums.reversals++;
                    } else {
                        sums.charges++;
                    }
                });
        jdbc.sql("select s.opened_at, c.market, s.type, h.phone_number_id from sessions s"
                + " join channels h on h.id = s.channel_id"
                + " left join charges c on c.account_id = s.account_id and c.event_id = s.opened_by"
                + " and c.kind = 'charge'"
                + " where s.account_id = :account and s.opened_at >= :from and s.opened_at < :to")
                .param("account", accountId).param("from", Instants.param(from)).param("to", Instants.param(to))
                .query(row -> {
                    String market = row.getString("market");
                    List<String> key = key(groupBy, Instants.read(row, "opened_at"), market == null ? "" : market,
                            row.getString("type").toLowerCase(Locale.ROOT), row.getString("phone_number_id"));
                    groups.computeIfAbsent(key, ignored -> new Sums()).sessions++;
                });
        List<Group> result = new ArrayList<>();
        groups.forEach((key, sums) -> result.add(new Group(key, sums.currency, sums.totalMicros, sums.charges,
                sums.reversals, sums.sessions)));
        return result;
    }

    /** One day's activity: the sessions that opened, and the free-form sends refused outside the window. */
    record Day(String day, long userInitiated, long businessInitiated, long refused) {
    }

    /** The days of {@code [from, to)} on which anything happened, in order. */
    List<Day> activity(long accountId, Instant from, Instant to) {
        Map<String, long[]> days = new TreeMap<>();
        jdbc.sql("select opened_at, type from sessions where account_id = :account and opened_at >= :from"
                + " and opened_at < :to")
                .param("account", accountId).param("from", Instants.param(from)).param("to", Instants.param(to))
                .query(row -> {
                    long[] counts = days.computeIfAbsent(Dimension.DAY.of(Instants.read(row, "opened_at"), null, null,
                            null), ignored -> new long[3]);
                    counts[row.getString("type").equals("USER_INITIATED") ? 0 : 1]++;
                });
        jdbc.sql("select at from refused_sends where account_id = :account and code = :code and at >= :from"
                + " and at < :to")
                .param("account", accountId).param("code", OUTSIDE_WINDOW).param("from", Instants.param(from))
                .param("to", Instants.param(to))
                .query(row -> {
                    days.computeIfAbsent(Dimension.DAY.of(Instants.read(row, "at"), null, null, null),
                            ignored -> new long[3])[2]++;
                });
        List<Day> result = new ArrayList<>();
        days.forEach((day, counts) -> result.add(new Day(day, counts[0], counts[1], counts[2])));
        return result;
    }

    static List<String> key(List<Dimension> groupBy, Instant at, String market, String category,
            String channel) {
        return groupBy.stream().map(dimension -> dimension.of(at, market, category, channel)).toList();
    }

    static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int compared = a.get(i).compareTo(b.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    /** A group's running sums. */
    private static final class Sums {
        private String currency;
        private long totalMicros;
        private long charges;
        private long reversals;
        private long sessions;
    }
}
