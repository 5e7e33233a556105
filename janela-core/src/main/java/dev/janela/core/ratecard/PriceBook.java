package dev.janela.core.ratecard;

import dev.janela.core.ErrorCode;
import dev.janela.core.JanelaException;
import dev.janela.core.pricing.Category;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The versions of a rate card, each in force from its {@code effective_from} until the next one takes over. All
 * versions share one currency. Immutable and thread-safe.
 */
public final class PriceBook {
    private final List<RateCard> versions;
    private final Instant[] effectiveFrom;
    private final int displayScale;

    /** ISO 4217's code for "no currency": the currency of a book without rate cards. */
    private static final Currency NO_CURRENCY = Currency.getInstance("XXX");
    private static final int DEFAULT_DISPLAY_SCALE = 4;
    private static final PriceBook EMPTY = new PriceBook(List.of());

    private PriceBook(List<RateCard> versions) {
        this.versions = versions;
        this.effectiveFrom = versions.stream().map(RateCard::effectiveFrom).toArray(Instant[]::new);
        this.displayScale = versions.stream().mapToInt(RateCard::displayScale).max().orElse(DEFAULT_DISPLAY_SCALE);
    }

    /**
     * A price book without rate cards, for an account that has not uploaded one: whatever is free is decided as
     * usual, and anything charged fails with {@link ErrorCode#NO_RATE_CARD_IN_FORCE}. Its currency is {@code XXX}.
     */
    public static PriceBook empty() {
        return EMPTY;
    }

    /**
     * A price book of {@code versions}, in any order.
     *
     * @throws IllegalArgumentException if there are none, two take effect at the same instant, or their currencies
     *     differ
     */
    public static PriceBook of(List<RateCard> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a price book needs at least one rate card");
        }
        List<RateCard> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(RateCard::effectiveFrom));
        for (int index = 1; index < sorted.size(); index++) {
            RateCard earlier = sorted.get(index - 1);
            RateCard later = sorted.get(index);
            if (earlier.effectiveFrom().equals(later.effectiveFrom())) {
                throw new IllegalArgumentException("rate cards " + earlier.version() + " and " + later.version()
                        + " both take effect at " + later.effectiveFrom());
            }
            if (!earlier.currency().equals(later.currency())) {
                throw new IllegalArgumentException("rate card " + later.version() + " is in "
                        + later.currency().getCurrencyCode() + " but " + earlier.version() + " is in "
                        + earlier.currency().getCurrencyCode() + "; one price book has one currency");
            }
        }
        return new PriceBook(List.copyOf(sorted));
    }

    /** A price book of one rate card. */
    public static PriceBook of(RateCard card) {
        return of(List.of(card));
    }

    /** The currency of every version; {@code XXX} when there is none. */
    public Currency currency() {
        return versions.isEmpty() ? NO_CURRENCY : versions.get(0).currency();
    }

    /** The versions, earliest first. */
    public List<RateCard> versions() {
        return versions;
    }

    /** The most fractional digits any version shows amounts with. */
    public int displayScale() {
        return displayScale;
    }

    /**
     * The version in force at {@code at}: the latest whose {@code effective_from} is not after it.
     *
     * @throws JanelaException with {@link ErrorCode#NO_RATE_CARD_IN_FORCE} if {@code at} is before every version
     */
    public RateCard inForceAt(Instant at) {
        Objects.requireNonNull(at, "at");
        if (effectiveFrom.length == 1 && !at.isBefore(effectiveFrom[0])) {
            return versions.get(0);
        }
        int low = 0;
        int high = effectiveFrom.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (effectiveFrom[middle].compareTo(at) <= 0) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (versions.isEmpty()) {
            throw new JanelaException(ErrorCode.NO_RATE_CARD_IN_FORCE,
                    "there is no rate card yet, so nothing can be priced; upload one");
        }
        if (found < 0) {
            throw new JanelaException(ErrorCode.NO_RATE_CARD_IN_FORCE, "no rate card is in force at " + at
                    + "; the earliest, " + versions.get(0).version() + ", takes effect at " + effectiveFrom[0]);
        }
        return versions.get(found);
    }

    /**
     * The price in force at {@code at} for {@code market} and {@code category}.
     *
     * @throws MissingPriceException if the version in force has no price for them, not even a {@code *} one
     * @throws JanelaException with {@link ErrorCode#NO_RATE_CARD_IN_FORCE} if no version is in force at {@code at}
     */
    public Price price(String market, Category category, Instant at) {
        return inForceAt(at).price(market, category);
    }
}
