package dev.janela.core.pricing;

import java.util.Objects;
import java.util.Optional;

/**
 * What a pricing model bills: a session, a conversation or a message. A unit is free, charged at its category's
 * price, or charged subject to a {@link MonthlyAllowance} that makes some of the month's units free or cheaper.
 *
 * @param category what it is priced or counted as
 * @param free whether it is free whatever the month's count (a free entry point, a service message...)
 * @param allowance the monthly count it is subject to; empty for an ordinary or a free unit
 */
public record Unit(Category category, boolean free, Optional<MonthlyAllowance> allowance) {
    public Unit {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(allowance, "allowance");
        if (free && allowance.isPresent()) {
            throw new IllegalArgumentException("a free unit is subject to no allowance");
        }
    }

    /** A unit charged at its category's price. */
    public static Unit charged(Category category) {
        return Shared.CHARGED[category.ordinal()];
    }

    /** A unit charged unless {@code allowance} makes it free, at a price it may lower. */
    public static Unit counted(Category category, MonthlyAllowance allowance) {
        return new Unit(category, false, Optional.of(allowance));
    }

    /** A unit that costs nothing: it makes no charge row, and reports count it as free. */
    public static Unit free(Category category) {
        return Shared.FREE[category.ordinal()];
    }

    /** The charged and the free unit of each category, by ordinal: units are values, and a replay rates millions. */
    private static final class Shared {
        static final Unit[] CHARGED = new Unit[Category.values().length];
        static final Unit[] FREE = new Unit[Category.values().length];

        static {
            for (Category category : Category.values()) {
                CHARGED[category.ordinal()] = new Unit(category, false, Optional.empty());
                FREE[category.ordinal()] = new Unit(category, true, Optional.empty());
            }
        }
    }
}
