package dev.janela.core.engine;

import dev.janela.core.conversation.Event;
import dev.janela.core.ledger.Charge;
import dev.janela.core.ledger.ChargeKind;
import dev.janela.core.plan.PricingPlan;
import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.MonthlyAllowance;
import dev.janela.core.pricing.Unit;
import dev.janela.core.pricing.Usage;
import dev.janela.core.pricing.UsageKey;
import dev.janela.core.ratecard.Price;
import java.time.YearMonth;
import java.util.Optional;

/**
 * An event decided up to the account's monthly counts ({@link MonthlyAllowance}): its outcome, the conversation's
 * next state and the unit it makes, all of which depend on the conversation alone. Whether a counted unit is one
 * of the month's free ones, and what volume tiers make it cost, depends on the account's other conversations, so
 * that part waits for {@link #decide(Usage)}. A caller can thus assess conversations apart, on several threads, and
 * count their units afterwards in time order on one. Immutable.
 */
public final class Assessment {
    private final ConversationState next;
    private final Outcome outcome;
    private final Event event;
    private final PricingPlan.Period period;
    /** The unit the event makes, null for none. */
    private final Unit unit;
    /** The market a charged unit is priced in, null for none or a free unit. */
    private final String market;
    /** The monthly count the unit counts in, null for none. */
    private final UsageKey key;

    private Assessment(ConversationState next, Outcome outcome, Event event, PricingPlan.Period period, Unit unit,
            String market, UsageKey key) {
        this.next = next;
        this.outcome = outcome;
        this.event = event;
        this.period = period;
        this.unit = unit;
        this.market = market;
        this.key = key;
    }

    /** An event that makes no unit. */
    static Assessment of(ConversationState next, Outcome outcome) {
        return new Assessment(next, outcome, null, null, null, null, null);
    }

    /**
     * An accepted event that makes {@code unit}, priced in {@code market} unless it is free.
     *
     * @param month the event's month in the billing time zone, when its unit counts in an allowance
     */
    static Assessment of(ConversationState next, Event event, PricingPlan.Period period, Unit unit, String market,
            YearMonth month) {
        UsageKey key = null;
        if (unit.allowance().isPresent()) {
            MonthlyAllowance allowance = unit.allowance().get();
            key = new UsageKey(month, allowance.counter(), switch (allowance.scope()) {
                case ACCOUNT -> "";
                case MARKET -> market;
                case BUSINESS_NUMBER -> event.conversation().channel();
            });
        }
        return new Assessment(next, Outcome.ACCEPTED, event, period, unit, market, key);
    }

    /** The conversation's state after the event, whatever the monthly counts say. */
    public ConversationState next() {
        return next;
    }

    /** Whether deciding the event counts its unit in one of the account's monthly counts. */
    public boolean counts() {
        return key != null;
    }

    /**
     * The monthly count the event's unit counts in.
     *
     * @throws IllegalStateException if it {@linkplain #counts() counts} in none
     */
    public UsageKey key() {
        requireCounts();
        return key;
    }

    private void requireCounts() {
        if (key == null) {
            throw new IllegalStateException("the event's unit counts in no monthly count");
        }
    }

    /**
     * Whether the unit, which {@linkplain #counts() counts}, is decided alike whatever its number in the month from
     * {@code number} on: past the month's free units, with no volume tiers to price it by its number. A caller that
     * counts apart may then decide it at once with any such number, without waiting for its own.
     *
     * @throws IllegalStateException if it counts in no monthly count
     */
    public boolean decidedAlikeFrom(long number) {
        requireCounts();
        MonthlyAllowance allowance = unit.allowance().get();
        return number > allowance.freeUnits() && (!allowance.tiered() || period.tiers().isEmpty());
    }

    /**
     * The decision, counting the event's unit in {@code usage} if it {@link #counts()}: in the month's order, since
     * each unit's number in the month is what may make it free.
     *
     * @throws dev.janela.core.ratecard.MissingPriceException if the event is charged and no price is found
     */
    public Decision decide(Usage usage) {
        if (unit == null) {
            return new Decision(next, outcome, Optional.empty(), Optional.empty());
        }
        Category category = unit.category();
        if (unit.free()) {
            return new Decision(next, outcome, Optional.empty(), Optional.of(category));
        }
        if (unit.allowance().isEmpty()) {
            return charged(period.prices().price(market, category, event.at()), Optional.empty());
        }
        MonthlyAllowance allowance = unit.allowance().get();
        AllowanceUse use = new AllowanceUse(key, usage.count(key), allowance.freeUnits());
        Optional<AllowanceUse> counted = Optional.of(use);
        if (use.free()) {
            return new Decision(next, outcome, Optional.empty(), Optional.of(category), counted);
        }
        Optional<Price> tier = allowance.tiered()
                ? period.tiers().price(market, category, use.number(), period.prices().currency())
                : Optional.empty();
        return charged(tier.isPresent() ? tier.get() : period.prices().price(market, category, event.at()), counted);
    }

    private Decision charged(Price price, Optional<AllowanceUse> counted) {
        Charge charge = new Charge(event.id(), event.at(), event.conversation(), market, unit.category(),
                price.amount(), price.rateCardVersion(), ChargeKind.CHARGE);
        return new Decision(next, outcome, Optional.of(charge), Optional.empty(), counted);
    }
}
