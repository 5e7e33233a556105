package dev.janela.core.ledger;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.money.Money;
import dev.janela.core.pricing.Category;
import java.time.Instant;
import java.util.Objects;

/**
 * One immutable ledger row.
 *
 * @param eventId the event that caused it
 * @param at when it was caused: the event's time, or the time the failure of a charged message was reported
 * @param conversation whose conversation
 * @param market the market it was priced for: a region name, or an ISO country code
 * @param category what it was priced as
 * @param amount the price; negative for a reversal
 * @param rateCardVersion the rate card version the price came from
 * @param kind a charge or a reversal
 */
public record Charge(String eventId, Instant at, ConversationKey conversation, String market, Category category,
        Money amount, String rateCardVersion, ChargeKind kind) {
    public Charge {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rateCardVersion, "rateCardVersion");
        Objects.requireNonNull(kind, "kind");
    }

    /** The row's cause, unique in a ledger: {@code <event id>:<kind>}. */
    public String cause() {
        return eventId + ":" + kind.wireName();
    }

    /** The row that cancels this one, recorded at {@code failedAt}. */
    public Charge reversal(Instant failedAt) {
        if (kind == ChargeKind.REVERSAL) {
            throw new IllegalStateException("a reversal is never reversed: " + cause());
        }
        return new Charge(eventId, failedAt, conversation, market, category, amount.negate(), rateCardVersion,
                ChargeKind.REVERSAL);
    }
}
