package dev.janela.core.pricing;

import java.util.Objects;

/**
 * A count of units an account makes in a calendar month (in its billing time zone), that some of Meta's prices
 * depend on: the first 1,000 conversations of a month free, or volume tiers that lower the price of a market's
 * utility messages past a threshold.
 *
 * @param counter what is counted, the same name for every unit counted together ({@code conversations})
 * @param perMarket whether each market is counted apart
 * @param freeUnits how many of the month's first units are free
 * @param tiered whether the units past the free ones are priced by the volume tiers, where they name a price
 */
public record MonthlyAllowance(String counter, boolean perMarket, long freeUnits, boolean tiered) {
    public MonthlyAllowance {
        Objects.requireNonNull(counter, "counter");
        if (freeUnits < 0) {
            throw new IllegalArgumentException("freeUnits must not be negative, was " + freeUnits);
        }
    }
}
