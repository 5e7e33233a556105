package dev.janela.server.ledger;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.ledger.Charge;
import dev.janela.core.ledger.ChargeKind;
import dev.janela.core.money.Money;
import dev.janela.core.pricing.Category;
import dev.janela.server.jdbc.BatchedWrites;
import dev.janela.server.jdbc.Instants;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger: charge rows are inserted, never updated or deleted. A row is unique by its cause (event id and kind)
 * within an account, so a webhook delivered twice or a send retried can never charge twice, even from two processes.
 */
@Repository
public class Ledger {
    private static final String INSERT = "insert into charges (account_id, channel_id, conversation_id, customer,"
            + " event_id, kind, cause, at, market, category, amount_micros, currency, rate_card_version, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;

    Ledger(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    /**
     * Records {@code charge}, unless a row with its cause exists: with the rest of a group commit's batch when one is
     * being applied, as nothing reads a charge back in the transaction that records it. There a cause recorded
     * already fails the batch, whose work is then applied again a piece at a time, where this answers false.
     *
     * @return whether it was recorded
     */
    public boolean record(long accountId, long channelId, long conversationId, Charge charge) {
        Object[] row = {accountId, channelId, conversationId, charge.conversation().customer(), charge.eventId(),
            charge.kind().wireName(), charge.cause(), Instants.param(charge.at()), charge.market(),
            charge.category().wireName(), charge.amount().micros(), charge.amount().currency().getCurrencyCode(),
            charge.rateCardVersion(), Instants.param(clock.instant())};
        if (BatchedWrites.collecting()) {
            BatchedWrites.write(batches, INSERT, row);
            return true;
        }
        return batches.update(INSERT + " on conflict (account_id, cause) do nothing", row) == 1;
    }

    /** The charge an event caused, if it was charged. */
    public Optional<Charge> chargeOf(long accountId, ConversationKey conversation, String eventId) {
        return jdbc.sql("select event_id, at, market, category, amount_micros, currency, rate_card_version, kind"
                + " from charges where account_id = :account and cause = :cause")
                .param("account", accountId).param("cause", eventId + ":" + ChargeKind.CHARGE.wireName())
                .query((row, number) -> charge(row, conversation)).optional();
    }

    private static Charge charge(ResultSet row, ConversationKey conversation) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        return new Charge(row.getString("event_id"), Instants.read(row, "at"), conversation, row.getString("market"),
                Category.fromWireName(row.getString("category")).orElseThrow(),
                new Money(currency, row.getLong("amount_micros")), row.getString("rate_card_version"),
                ChargeKind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)));
    }

    /** An amount in micros as the API shows it: a plain decimal string with the scale the price was written in. */
    public static String decimal(long micros, int scale) {
        BigDecimal amount = BigDecimal.valueOf(micros, Money.MAX_SCALE);
        return amount.setScale(Math.max(scale, Math.max(0, amount.stripTrailingZeros().scale())),
                RoundingMode.UNNECESSARY).toPlainString();
    }
}
