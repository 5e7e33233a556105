package dev.janela.core.replay;

import dev.janela.core.money.Money;
import dev.janela.core.pricing.Category;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a replay found.
 *
 * @param model the pricing model's name
 * @param currency the price book's currency
 * @param displayScale how many fractional digits amounts are shown with
 * @param events distinct valid events
 * @param duplicates lines whose id was already seen, in file order
 * @param invalid lines skipped as malformed
 * @param rejected free-form sends refused outside the window (R8)
 * @param notDelivered business messages the log marks as failed
 * @param conversations distinct pairs of channel and customer
 * @param totals every charge row, reversals included
 * @param byCategory the rows by category, in the model's order; categories without rows left out
 * @param byMarket the rows by market, in alphabetical order
 * @param free the free units by category, in the model's order: units Meta's models bill that cost nothing and
 *     make no row; categories without any left out
 */
public record ReplayResult(String model, Currency currency, int displayScale, long events, long duplicates,
        long invalid, long rejected, long notDelivered, long conversations, Tally totals,
        Map<Category, Tally> byCategory, Map<String, Tally> byMarket, Map<Category, Long> free) {
    public ReplayResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(totals, "totals");
        byCategory = Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
        byMarket = Collections.unmodifiableMap(new TreeMap<>(byMarket));
        free = Collections.unmodifiableMap(new LinkedHashMap<>(free));
    }

    /** The number of charge rows. */
    public long charges() {
        return totals.charges();
    }

    /** The sum of all charge rows. */
    public Money total() {
        return totals.total();
    }

    /** {@code amount} as shown in this result: a plain decimal with {@link #displayScale()} digits. */
    public String format(Money amount) {
        return amount.toPlainString(Math.max(displayScale, amount.minimumScale()));
    }
}
