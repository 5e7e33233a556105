package dev.janela.core.market;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One country's market over time, as a markets file says it: from each instant on, until the next. A country the file
 * never moves has one market for all time, the common case, which answers without comparing instants. Immutable and
 * thread-safe.
 */
public final class MarketTimeline {
    /** When each market takes over, earliest first; the first is {@link Instant#MIN} or later. */
    private final Instant[] starts;
    private final String[] markets;
    /** The country's own code, its market before any row applies. */
    private final String country;

    /** @param byStart the markets by the instant each takes over, in order */
    MarketTimeline(String country, Map<Instant, String> byStart) {
        this.country = Objects.requireNonNull(country, "country");
        this.starts = byStart.keySet().toArray(Instant[]::new);
        this.markets = byStart.values().toArray(String[]::new);
    }

    /** A country that is its own market for all time. */
    static MarketTimeline always(String country) {
        return new MarketTimeline(country, Map.of(Instant.MIN, country));
    }

    /** The country's market if it has one for all time, else null. */
    String marketForAllTime() {
        return starts.length == 1 && starts[0] == Instant.MIN ? markets[0] : null;
    }

    /** The market at {@code at}. */
    public String marketAt(Instant at) {
        String always = marketForAllTime();
        if (always != null) {
            return always;
        }
        for (int index = starts.length - 1; index >= 0; index--) {
            if (!starts[index].isAfter(at)) {
                return markets[index];
            }
        }
        return country;
    }
}
