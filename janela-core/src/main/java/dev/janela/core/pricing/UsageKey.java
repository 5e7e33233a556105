package dev.janela.core.pricing;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One monthly count of one account.
 *
 * @param month the calendar month, in the account's billing time zone
 * @param counter what is counted ({@link MonthlyAllowance#counter()})
 * @param market the market counted apart, or empty when all markets count together
 */
public record UsageKey(YearMonth month, String counter, String market) {
    public UsageKey {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(market, "market");
    }
}
