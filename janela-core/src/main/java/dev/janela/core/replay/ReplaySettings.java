package dev.janela.core.replay;

import dev.janela.core.engine.ConversationEngine;
import java.util.Objects;

/**
 * How to replay a log.
 *
 * @param engine the engine that rates every event: the pricing plan (models, prices, markets) and window length
 * @param strict whether a malformed line ends the replay instead of being reported and skipped
 * @param parallelism how many threads parse the log
 */
public record ReplaySettings(ConversationEngine engine, boolean strict, int parallelism) {
    public ReplaySettings {
        Objects.requireNonNull(engine, "engine");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
    }
}
