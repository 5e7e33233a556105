package dev.janela.core.ratecard;

import dev.janela.core.pricing.Category;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a rate card: a price per market and category, in one currency, in force from an instant.
 * Immutable and thread-safe. Built by {@link RateCardParser}.
 */
public final class RateCard {
    /** The market of a row that prices every market not listed. */
    public static final String ANY_MARKET = "*";

    private final String version;
    private final Instant effectiveFrom;
    private final Currency currency;
    private final Map<String, Map<Category, Price>> byMarket;
    private final int displayScale;

    RateCard(String version, Instant effectiveFrom, Currency currency, Map<String, Map<Category, Price>> byMarket,
            int displayScale) {
        this.version = Objects.requireNonNull(version, "version");
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        this.currency = Objects.requireNonNull(currency, "currency");
        Map<String, Map<Category, Price>> copy = new HashMap<>();
        byMarket.forEach((market, prices) -> copy.put(market, Collections.unmodifiableMap(new EnumMap<>(prices))));
        this.byMarket = Map.copyOf(copy);
        this.displayScale = displayScale;
    }

    /** The version's label: the file it came from, or the id the server gave it. */
    public String version() {
        return version;
    }

    /** The instant from which this version prices events. */
    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    public Currency currency() {
        return currency;
    }

    /**
     * How many fractional digits amounts priced by this card are shown with: the most any of its prices was
     * written with, and at least two.
     */
    public int displayScale() {
        return displayScale;
    }

    /** The price for {@code market} and {@code category}, else the card's {@code *} price for the category. */
    public Optional<Price> find(String market, Category category) {
        return Optional.ofNullable(lookup(market, category));
    }

    /**
     * The price for {@code market} and {@code category}, else the card's {@code *} price for the category.
     *
     * @throws MissingPriceException if there is neither
     */
    public Price price(String market, Category category) {
        Price price = lookup(market, category);
        if (price == null) {
            throw new MissingPriceException(market, category, version);
        }
        return price;
    }

    /** The markets this card names, {@code *} included. */
    public Set<String> markets() {
        return byMarket.keySet();
    }

    /** The prices this card names for {@code market} itself ({@code *} for the rest), by category. */
    public Map<Category, Price> prices(String market) {
        return byMarket.getOrDefault(market, Map.of());
    }

    /** The price for the market, else the {@code *} price, else null. */
    private Price lookup(String market, Category category) {
        Price price = priceIn(byMarket.get(market), category);
        return price != null ? price : priceIn(byMarket.get(ANY_MARKET), category);
    }

    private static Price priceIn(Map<Category, Price> prices, Category category) {
        return prices == null ? null : prices.get(category);
    }
}
