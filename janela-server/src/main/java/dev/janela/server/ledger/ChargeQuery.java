package dev.janela.server.ledger;

import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Instants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the ledger by time, filtered, a page at a time. Pages are cut by the last row's (time, id), not by an
 * offset, so a page stays right while new charges are written.
 */
@Repository
public class ChargeQuery {
    private final JdbcClient jdbc;

    ChargeQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What to read.
     *
     * @param from charges at or after this instant
     * @param to charges before this instant
     * @param channelId charges of this channel
     */
    public record Filter(Optional<Instant> from, Optional<Instant> to, Optional<Long> channelId,
            Optional<String> market, Optional<String> category) {
    }

    /** A ledger row as the API shows it. */
    public record Row(long id, String eventId, Instant at, String channel, String customer, String market,
            String category, long amountMicros, String currency, String rateCardVersion, String cause) {
        /** Where a page that ends with this row ends. */
        public Cursor cursor() {
            return new Cursor(at, id);
        }
    }

    /** Up to {@code limit} rows of the account after {@code after}, by time then id. */
    public List<Row> page(long accountId, Filter filter, Optional<Cursor> after, int limit) {
        StringBuilder sql = new StringBuilder("select c.id, c.event_id, c.at, h.phone_number_id, c.customer,"
                + " c.market, c.category, c.amount_micros, c.currency, c.rate_card_version, c.cause from charges c"
                + " join channels h on h.id = c.channel_id where c.account_id = :account");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account", accountId);
        filter.from().ifPresent(from -> condition(sql, params, " and c.at >= :from", "from", Instants.param(from)));
        filter.to().ifPresent(to -> condition(sql, params, " and c.at < :to", "to", Instants.param(to)));
        filter.channelId().ifPresent(channel -> condition(sql, params, " and c.channel_id = :channel", "channel",
                channel));
        filter.market().ifPresent(market -> condition(sql, params, " and c.market = :market", "market", market));
        filter.category().ifPresent(category -> condition(sql, params, " and c.category = :category", "category",
                category));
        after.ifPresent(position -> {
            sql.append(" and (c.at > :afterAt or (c.at = :afterAt and c.id > :afterId))");
            params.put("afterAt", Instants.param(position.at()));
            params.put("afterId", position.id());
        });
        sql.append(" order by c.at, c.id limit :limit");
        params.put("limit", limit);
        return new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((row, number) -> new Row(row.getLong("id"), row.getString("event_id"), Instants.read(row, "at"),
                        row.getString("phone_number_id"), row.getString("customer"), row.getString("market"),
                        row.getString("category"), row.getLong("amount_micros"), row.getString("currency"),
                        row.getString("rate_card_version"), row.getString("cause")))
                .list());
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String clause, String name,
            Object value) {
        sql.append(clause);
        params.put(name, value);
    }
}
