package dev.janela.core.testfixtures;

import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.market.MarketBasis;
import dev.janela.core.market.MarketResolver;
import dev.janela.core.market.Markets;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.replay.ReplaySettings;
import dev.janela.core.session.SessionModel;
import dev.janela.core.session.SessionSettings;
import java.util.Map;

/** Engines and replay settings with the documented defaults, for tests that vary one thing. */
public final class TestEngines {
    private TestEngines() {
    }

    /** The {@code session} model with its default settings, priced by {@code prices}. */
    public static ConversationEngine session(PriceBook prices) {
        return session(SessionSettings.DEFAULTS, prices);
    }

    public static ConversationEngine session(SessionSettings settings, PriceBook prices) {
        return new ConversationEngine(new SessionModel(settings), prices, settings.windowLength());
    }

    /** A replay of the default {@code session} engine, pricing by the business's country without regions. */
    public static ReplaySettings replay(PriceBook prices, boolean strict, int parallelism) {
        return new ReplaySettings(session(prices), new MarketResolver(Markets.none(), MarketBasis.BUSINESS, Map.of()),
                strict, parallelism);
    }
}
