package dev.janela.core.money;

import dev.janela.core.ErrorCode;
import dev.janela.core.JanelaException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency, held as millionths of the currency unit (WhatsApp prices have four to six
 * decimals, so cents are not enough). Immutable and thread-safe.
 *
 * @param currency the ISO 4217 currency
 * @param micros the amount in millionths of a unit; may be negative (reversals)
 */
public record Money(Currency currency, long micros) {
    /** Fractional digits Janela keeps: six, so 0.000001 is the smallest amount. */
    public static final int MAX_SCALE = 6;

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(Currency currency) {
        return new Money(currency, 0);
    }

    /**
     * The amount of {@code decimal} units of {@code currency}.
     *
     * @throws IllegalArgumentException if {@code decimal} has more than six fractional digits or does not fit
     */
    public static Money of(Currency currency, BigDecimal decimal) {
        Objects.requireNonNull(decimal, "decimal");
        if (decimal.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new IllegalArgumentException(
                    "more than " + MAX_SCALE + " fractional digits: " + decimal.toPlainString());
        }
        try {
            return new Money(currency, decimal.movePointRight(MAX_SCALE).longValueExact());
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("amount too large: " + decimal.toPlainString(), tooLarge);
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(currency, Math.addExact(micros, other.micros));
        } catch (ArithmeticException overflow) {
            throw new JanelaException(ErrorCode.AMOUNT_OVERFLOW, "sum of " + this + " and " + other + " overflows");
        }
    }

    public Money negate() {
        return new Money(currency, Math.negateExact(micros));
    }

    public boolean isZero() {
        return micros == 0;
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(micros, MAX_SCALE);
    }

    /**
     * The amount as a plain decimal string with exactly {@code scale} fractional digits ({@code "0.0600"} for
     * scale 4). The scale must be large enough to show the amount exactly.
     *
     * @throws IllegalArgumentException if {@code scale} is outside 0..6 or would drop non-zero digits
     */
    public String toPlainString(int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be within 0.." + MAX_SCALE + ", was " + scale);
        }
        return toBigDecimal().setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The fewest fractional digits that show this amount exactly. */
    public int minimumScale() {
        return Math.max(0, toBigDecimal().stripTrailingZeros().scale());
    }

    @Override
    public String toString() {
        return toBigDecimal().stripTrailingZeros().toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new JanelaException(ErrorCode.CURRENCY_MISMATCH,
                    "cannot add " + other.currency.getCurrencyCode() + " to " + currency.getCurrencyCode());
        }
    }
}
