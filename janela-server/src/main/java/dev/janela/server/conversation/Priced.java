package dev.janela.server.conversation;

import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.UsageKey;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How Janela priced a message when it decided it, to be compared with what Meta reports.
 *
 * @param model the pricing model in force ({@code session}, {@code pmp-2025}...)
 * @param unit whether it was charged, free, or neither
 * @param category the category it was charged or free as; empty for {@link Unit#NONE}
 * @param counted the monthly count it used, if it used one (an allowance, volume tiers)
 */
public record Priced(String model, Unit unit, Optional<Category> category, Optional<UsageKey> counted) {
    public Priced {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(counted, "counted");
    }

    /** What the model made of a message. */
    public enum Unit {
        /** It was charged, alone or as the start of a session or conversation. */
        CHARGED,
        /** A unit the model counts but does not charge: a free tier, a free entry point. */
        FREE,
        /** Nothing: inside a session or conversation already paid, or a customer's message. */
        NONE;

        private final String wireName = name().toLowerCase(Locale.ROOT);

        public String wireName() {
            return wireName;
        }
    }
}
