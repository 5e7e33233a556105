package dev.janela.core.replay;

import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.market.MarketResolver;
import java.util.Objects;

/**
 * How to replay a log.
 *
 * @param engine the engine that rates every event: pricing model, price book and window length
 * @param markets the market each conversation is priced in
 * @param strict whether a malformed line ends the replay instead of being reported and skipped
 * @param parallelism how many threads parse the log
 */
public record ReplaySettings(ConversationEngine engine, MarketResolver markets, boolean strict, int parallelism) {
    public ReplaySettings {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(markets, "markets");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
    }
}
