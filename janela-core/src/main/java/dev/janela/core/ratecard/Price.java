package dev.janela.core.ratecard;

import dev.janela.core.money.Money;
import java.util.Objects;

/**
 * A price and the rate card version it comes from.
 *
 * @param amount the price of one charge, never negative
 * @param rateCardVersion the version's label
 */
public record Price(Money amount, String rateCardVersion) {
    public Price {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rateCardVersion, "rateCardVersion");
        if (amount.micros() < 0) {
            throw new IllegalArgumentException("a price is never negative, was " + amount);
        }
    }
}
