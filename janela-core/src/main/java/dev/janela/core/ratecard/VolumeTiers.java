package dev.janela.core.ratecard;

import dev.janela.core.money.Money;
import dev.janela.core.pricing.Category;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta's volume tiers: the price of a market's utility or authentication messages once an account has sent a number
 * of them in a month. Tiers are graduated: the message numbered {@code n} in its month is priced by the tier whose
 * range holds {@code n}, so a price applies only to the messages inside its range. A message no tier covers costs
 * the rate card's price. Built by {@link VolumeTiersParser}; immutable and thread-safe.
 */
public final class VolumeTiers {
    private static final VolumeTiers NONE = new VolumeTiers("no volume tiers", Map.of());

    private final String version;
    private final Map<String, List<Tier>> byMarketAndCategory;

    /**
     * One range of a month's messages and their price.
     *
     * @param from the number of the first message it prices, 1 for the month's first
     * @param to the number of the last, or {@link Long#MAX_VALUE} when the range is open
     * @param micros the price, in millionths of the rate card's currency
     */
    record Tier(long from, long to, long micros) {
    }

    VolumeTiers(String version, Map<String, List<Tier>> byMarketAndCategory) {
        this.version = Objects.requireNonNull(version, "version");
        Map<String, List<Tier>> copy = new HashMap<>();
        byMarketAndCategory.forEach((key, tiers) -> copy.put(key, List.copyOf(tiers)));
        this.byMarketAndCategory = Map.copyOf(copy);
    }

    /** No tiers: every message costs the rate card's price. */
    public static VolumeTiers none() {
        return NONE;
    }

    /** Whether there are no tiers, so that every message costs the rate card's price. */
    public boolean isEmpty() {
        return byMarketAndCategory.isEmpty();
    }

    /** The file the tiers came from, as charges priced by them name it. */
    public String version() {
        return version;
    }

    /**
     * The price of the message numbered {@code number} in its month for {@code market} and {@code category}; the
     * tiers of {@code *} apply to a market that has none of its own. Empty when no tier covers it.
     */
    public Optional<Price> price(String market, Category category, long number, Currency currency) {
        if (isEmpty()) {
            return Optional.empty(); // no tiers, the common case: not even a key to build
        }
        List<Tier> tiers = byMarketAndCategory.get(key(market, category));
        if (tiers == null) {
            tiers = byMarketAndCategory.get(key(RateCard.ANY_MARKET, category));
        }
        if (tiers == null) {
            return Optional.empty();
        }
        for (Tier tier : tiers) {
            if (tier.from() <= number && number <= tier.to()) {
                return Optional.of(new Price(new Money(currency, tier.micros()), version));
            }
        }
        return Optional.empty();
    }

    static String key(String market, Category category) {
        return market + "\u0000" + category.wireName();
    }
}
