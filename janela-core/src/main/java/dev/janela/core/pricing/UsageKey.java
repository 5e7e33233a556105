package dev.janela.core.pricing;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One monthly count of one account.
 *
 * @param month the calendar month, in the account's billing time zone
 * @param counter what is counted ({@link MonthlyAllowance#counter()})
 * @param part the market or the business number counted apart ({@link MonthlyAllowance#scope()}), or empty when the
 *     whole account counts together
 */
public record UsageKey(YearMonth month, String counter, String part) {
    public UsageKey {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(part, "part");
    }

    // Written out rather than generated: a replay looks a key up for every counted unit, and the generated methods
    // go through method handles that the replay's JIT (C1) calls rather than inlines.
    @Override
    public boolean equals(Object other) {
        return other instanceof UsageKey that && month.equals(that.month) && counter.equals(that.counter)
                && part.equals(that.part);
    }

    @Override
    public int hashCode() {
        return (month.hashCode() * 31 + counter.hashCode()) * 31 + part.hashCode();
    }
}
