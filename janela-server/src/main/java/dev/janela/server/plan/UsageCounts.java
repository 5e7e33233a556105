package dev.janela.server.plan;

import dev.janela.core.pricing.Usage;
import dev.janela.core.pricing.UsageKey;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts' monthly counts in the database. Counting takes the count's row lock until the transaction ends, after
 * the conversation's: a transaction locks one conversation, so the order is always the same and two decisions
 * cannot deadlock, and a count rolled back with its decision is not counted.
 */
@Repository
public class UsageCounts {
    private final JdbcClient jdbc;

    UsageCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's counts for a decision: each unit counted is stored with the decision's transaction. */
    public Usage counting(long accountId) {
        return key -> {
            jdbc.sql("insert into usage_counts (account_id, usage_month, counter, part, units)"
                    + " values (:account, :month, :counter, :part, 0)"
                    + " on conflict (account_id, usage_month, counter, part) do nothing")
                    .param("account", accountId).param("month", key.month().toString())
                    .param("counter", key.counter()).param("part", key.part()).update();
            jdbc.sql("update usage_counts set units = units + 1 where account_id = :account"
                    + " and usage_month = :month and counter = :counter and part = :part")
                    .param("account", accountId).param("month", key.month().toString())
                    .param("counter", key.counter()).param("part", key.part()).update();
            return counted(accountId, key);
        };
    }

    /** The account's counts for a preview: the number the next unit would have, nothing stored or locked. */
    public Usage previewing(long accountId) {
        return key -> counted(accountId, key) + 1;
    }

    /** A failed message's unit, given back: Meta counts only what it delivers. */
    public void giveBack(long accountId, UsageKey key) {
        jdbc.sql("update usage_counts set units = units - 1 where account_id = :account and usage_month = :month"
                + " and counter = :counter and part = :part and units > 0")
                .param("account", accountId).param("month", key.month().toString())
                .param("counter", key.counter()).param("part", key.part()).update();
    }

    /** {@code key} as a message keeps it: {@code <month>|<counter>|<part>}. */
    public static String encode(UsageKey key) {
        return key.month() + "|" + key.counter() + "|" + key.part();
    }

    /** The key {@link #encode} wrote. */
    public static UsageKey decode(String text) {
        String[] parts = text.split("\\|", 3);
        return new UsageKey(YearMonth.parse(parts[0]), parts[1], parts[2]);
    }

    /**
     * The account's units of {@code counter} in {@code months}, by {@code "<month> <part>"} ({@code 2026-11
     * +5511987654321}).
     */
    public Map<String, Long> countedByPart(long accountId, String counter, List<YearMonth> months) {
        Map<String, Long> counted = new HashMap<>();
        if (months.isEmpty()) {
            return counted;
        }
        jdbc.sql("select usage_month, part, units from usage_counts where account_id = :account"
                + " and counter = :counter and usage_month in (:months)")
                .param("account", accountId).param("counter", counter)
                .param("months", months.stream().map(YearMonth::toString).toList())
                .query(row -> {
                    counted.put(row.getString("usage_month") + " " + row.getString("part"), row.getLong("units"));
                });
        return counted;
    }

    private long counted(long accountId, UsageKey key) {
        return jdbc.sql("select units from usage_counts where account_id = :account and usage_month = :month"
                + " and counter = :counter and part = :part")
                .param("account", accountId).param("month", key.month().toString())
                .param("counter", key.counter()).param("part", key.part())
                .query(Long.class).optional().orElse(0L);
    }
}
