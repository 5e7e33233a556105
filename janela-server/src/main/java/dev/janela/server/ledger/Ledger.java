package dev.janela.server.ledger;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.ledger.Charge;
import dev.janela.core.ledger.ChargeKind;
import dev.janela.core.money.Money;
import dev.janela.core.pricing.Category;
import dev.janela.server.jdbc.Instants;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger: charge rows are inserted, never updated or deleted. A row is unique by its cause (event id and kind)
 * within an account, so a webhook delivered twice or a send retried can never charge twice, even from two processes.
 */
@Repository
public class Ledger {
    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records {@code charge}, unless a row with its cause exists.
     *
     * @return whether it was recorded
     */
    public boolean record(long accountId, long channelId, long conversationId, Charge charge) {
        return jdbc.sql("insert into charges (account_id, channel_id, conversation_id, customer, event_id, kind, cause,"
                + " at, market, category, amount_micros, currency, rate_card_version, created_at) values (:account,"
                + " :channel, :conversation, :customer, :eventId, :kind, :cause, :at, :market, :category, :amount,"
                + " :currency, :version, :now) on conflict (account_id, cause) do nothing")
                .param("account", accountId).param("channel", channelId).param("conversation", conversationId)
                .param("customer", charge.conversation().customer()).param("eventId", charge.eventId())
                .param("kind", charge.kind().wireName()).param("cause", charge.cause())
                .param("at", Instants.param(charge.at())).param("market", charge.market())
                .param("category", charge.category().wireName()).param("amount", charge.amount().micros())
                .param("currency", charge.amount().currency().getCurrencyCode())
                .param("version", charge.rateCardVersion()).param("now", Instants.param(clock.instant()))
                .update() == 1;
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
