package dev.janela.core.engine;

import dev.janela.core.pricing.UsageKey;
import java.util.Objects;

/**
 * A unit counted in a monthly allowance ({@link dev.janela.core.pricing.MonthlyAllowance}): which count, its number
 * in the month, and how many of the month's units are free.
 *
 * @param key the count it was counted in
 * @param number its number in the month: 1 for the month's first
 * @param freeUnits how many of the month's first units are free
 */
public record AllowanceUse(UsageKey key, long number, long freeUnits) {
    public AllowanceUse {
        Objects.requireNonNull(key, "key");
    }

    /** Whether the allowance made it free. */
    public boolean free() {
        return number <= freeUnits;
    }

    /** How many of the month's free units are used, this one included. */
    public long used() {
        return Math.min(number, freeUnits);
    }
}
