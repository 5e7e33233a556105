package dev.janela.core.pricing;

import java.util.Objects;

/**
 * A count of units made in a calendar month (in the account's billing time zone), that some of Meta's prices depend
 * on: the first 1,000 conversations of a month free, the first service messages of each business number free, or
 * volume tiers that lower the price of a market's utility messages past a threshold.
 *
 * @param counter what is counted, the same name for every unit counted together ({@code conversations})
 * @param scope what each count covers: the whole account, one market, or one business number
 * @param freeUnits how many of the month's first units are free
 * @param tiered whether the units past the free ones are priced by the volume tiers, where they name a price
 */
public record MonthlyAllowance(String counter, Scope scope, long freeUnits, boolean tiered) {
    /** What one count covers; the account's units of other parts are counted apart. */
    public enum Scope {
        /** Every unit of the account counts together. */
        ACCOUNT,
        /** Each market (the recipient's, as the plan groups countries) is counted apart. */
        MARKET,
        /** Each of the account's business phone numbers is counted apart. */
        BUSINESS_NUMBER
    }

    public MonthlyAllowance {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(scope, "scope");
        if (freeUnits < 0) {
            throw new IllegalArgumentException("freeUnits must not be negative, was " + freeUnits);
        }
    }
}
