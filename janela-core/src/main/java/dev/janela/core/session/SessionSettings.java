package dev.janela.core.session;

import dev.janela.core.market.MarketBasis;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of the {@code session} model.
 *
 * @param windowLength how long a customer's message keeps the window open (default 24 hours)
 * @param replyGrace how long after its template a pending business-initiated session waits for the customer's reply
 *     (default 24 hours)
 * @param marketBasis whose country prices a session (default {@link MarketBasis#BUSINESS})
 */
public record SessionSettings(Duration windowLength, Duration replyGrace, MarketBasis marketBasis) {
    /** Janela's documented defaults. */
    public static final SessionSettings DEFAULTS =
            new SessionSettings(Duration.ofHours(24), Duration.ofHours(24), MarketBasis.BUSINESS);

    public SessionSettings {
        requirePositive(windowLength, "windowLength");
        requirePositive(replyGrace, "replyGrace");
        Objects.requireNonNull(marketBasis, "marketBasis");
    }

    public SessionSettings withWindowLength(Duration length) {
        return new SessionSettings(length, replyGrace, marketBasis);
    }

    public SessionSettings withReplyGrace(Duration grace) {
        return new SessionSettings(windowLength, grace, marketBasis);
    }

    public SessionSettings withMarketBasis(MarketBasis basis) {
        return new SessionSettings(windowLength, replyGrace, basis);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
