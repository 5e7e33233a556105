package dev.janela.core.plan;

import dev.janela.core.ErrorCode;
import dev.janela.core.JanelaException;
import dev.janela.core.market.MarketResolver;
import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.PricingModel;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.VolumeTiers;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What prices an account's traffic over time: periods, each with a pricing model, the prices and volume tiers it
 * uses, and the markets it prices by, in force from an instant until the next one's. Monthly counts and dates are
 * reckoned in the account's billing time zone. Immutable and thread-safe (it remembers the last month it found).
 */
public final class PricingPlan {
    /** The name of a plan with several periods, where a report names the model. */
    public static final String PLAN = "plan";

    /**
     * One period of a plan.
     *
     * @param from when it takes over from the one before
     * @param model what is charged
     * @param prices what it costs; a price book may itself have versions that change within the period
     * @param tiers the volume tiers of the models that have them
     * @param markets the market each conversation is priced in
     */
    public record Period(Instant from, PricingModel<?> model, PriceBook prices, VolumeTiers tiers,
            MarketResolver markets) {
        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(prices, "prices");
            Objects.requireNonNull(tiers, "tiers");
            Objects.requireNonNull(markets, "markets");
        }
    }

    /** A calendar month of the billing time zone, from its first instant until the next month's. */
    private record BillingMonth(YearMonth month, Instant start, Instant end) {
        static BillingMonth of(Instant at, ZoneId zone) {
            YearMonth month = YearMonth.from(at.atZone(zone));
            return new BillingMonth(month, month.atDay(1).atStartOfDay(zone).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        }

        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    private final List<Period> periods;
    private final Instant[] starts;
    private final ZoneId zone;
    /**
     * The month last asked for: a replay asks for the month of each counted unit in time order, and finding it in
     * the time zone costs several objects, which the replay's JIT does not take away.
     */
    private volatile BillingMonth lastMonth;

    private PricingPlan(List<Period> periods, ZoneId zone) {
        this.periods = periods;
        this.starts = periods.stream().map(Period::from).toArray(Instant[]::new);
        this.zone = zone;
    }

    /** A plan of one model and its prices for all time, with months reckoned in UTC. */
    public static PricingPlan of(PricingModel<?> model, PriceBook prices, MarketResolver markets) {
        return of(List.of(new Period(Instant.MIN, model, prices, VolumeTiers.none(), markets)), ZoneOffset.UTC);
    }

    /**
     * A plan of {@code periods}, in any order.
     *
     * @param zone the account's billing time zone
     * @throws IllegalArgumentException if there are none, two start at the same instant, or their currencies
     *     differ
     */
    public static PricingPlan of(List<Period> periods, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a pricing plan needs at least one period");
        }
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(Period::from));
        for (int index = 1; index < sorted.size(); index++) {
            Period earlier = sorted.get(index - 1);
            Period later = sorted.get(index);
            if (earlier.from().equals(later.from())) {
                throw new IllegalArgumentException("two periods of the plan start at " + later.from());
            }
            if (!earlier.prices().currency().equals(later.prices().currency())) {
                throw new IllegalArgumentException("the plan's prices from " + later.from() + " are in "
                        + later.prices().currency().getCurrencyCode() + " but those before are in "
                        + earlier.prices().currency().getCurrencyCode() + "; one plan has one currency");
            }
        }
        return new PricingPlan(List.copyOf(sorted), zone);
    }

    /** The periods, earliest first. */
    public List<Period> periods() {
        return periods;
    }

    /** The account's billing time zone: months, and days a plan names, are reckoned in it. */
    public ZoneId zone() {
        return zone;
    }

    /** The calendar month {@code at} falls in, in the account's billing time zone. */
    public YearMonth monthOf(Instant at) {
        BillingMonth last = lastMonth;
        if (last == null || !last.contains(at)) {
            last = BillingMonth.of(at, zone);
            lastMonth = last;
        }
        return last.month();
    }

    /**
     * The period in force at {@code at}.
     *
     * @throws JanelaException with {@link ErrorCode#NO_RATE_CARD_IN_FORCE} if {@code at} is before the first
     */
    public Period at(Instant at) {
        if (!at.isBefore(starts[starts.length - 1])) {
            return periods.get(starts.length - 1); // the latest period, where most events fall
        }
        int found = -1;
        int low = 0;
        int high = starts.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (starts[middle].compareTo(at) <= 0) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0) {
            throw beforeFirst(at);
        }
        return periods.get(found);
    }

    /** The plan's model's name, or {@link #PLAN} when its periods have different models. */
    public String name() {
        Set<String> names = new LinkedHashSet<>();
        periods.forEach(period -> names.add(period.model().name()));
        return names.size() == 1 ? names.iterator().next() : PLAN;
    }

    /** The categories of every period's model, in the order reports list them: the earliest model's first. */
    public List<Category> categories() {
        Set<Category> categories = new LinkedHashSet<>();
        periods.forEach(period -> categories.addAll(period.model().categories()));
        return List.copyOf(categories);
    }

    /** Whether some period's model bills units subject to monthly counts per account. */
    public boolean countsPerAccount() {
        return periods.stream().anyMatch(period -> period.model().countsPerAccount());
    }

    /** The currency of every period's prices. */
    public Currency currency() {
        return periods.get(0).prices().currency();
    }

    /** The most fractional digits any period's prices show amounts with. */
    public int displayScale() {
        return periods.stream().mapToInt(period -> period.prices().displayScale()).max().orElseThrow();
    }

    private JanelaException beforeFirst(Instant at) {
        return new JanelaException(ErrorCode.NO_RATE_CARD_IN_FORCE, "the pricing plan prices nothing before "
                + starts[0] + ", and an event is at " + at);
    }
}
