package dev.janela.core.market;

import java.util.Locale;
import java.util.Optional;

/** Whose country prices a conversation. */
public enum MarketBasis {
    /** The country where the business is registered: the channel's country (the {@code session} model's default). */
    BUSINESS,
    /** The customer's country, from their number's calling code, as Meta prices. */
    RECIPIENT;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in files and APIs. */
    public String wireName() {
        return wireName;
    }

    /** The basis named {@code name} ({@code business} or {@code recipient}). */
    public static Optional<MarketBasis> fromWireName(String name) {
        for (MarketBasis basis : values()) {
            if (basis.wireName().equals(name)) {
                return Optional.of(basis);
            }
        }
        return Optional.empty();
    }
}
