package dev.janela.core.replay;

import dev.janela.core.money.Money;
import java.util.Objects;

/**
 * A count of charge rows and their sum, reversals included.
 *
 * @param charges how many rows
 * @param total their amounts added up
 */
public record Tally(long charges, Money total) {
    public Tally {
        Objects.requireNonNull(total, "total");
        if (charges < 0) {
            throw new IllegalArgumentException("charges must not be negative, was " + charges);
        }
    }
}
