package dev.janela.core.testfixtures;

import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.market.MarketResolver;
import dev.janela.core.market.Markets;
import dev.janela.core.plan.PricingPlan;
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

    /** The {@code session} model with {@code settings}, priced by {@code prices}, without regions. */
    public static ConversationEngine session(SessionSettings settings, PriceBook prices) {
        return session(settings, prices, Markets.none());
    }

    /** The {@code session} model with {@code settings}, priced by {@code prices} in the markets of {@code markets}. */
    public static ConversationEngine session(SessionSettings settings, PriceBook prices, Markets markets) {
        return new ConversationEngine(PricingPlan.of(new SessionModel(settings), prices,
                new MarketResolver(markets, settings.marketBasis(), Map.of())), settings.windowLength());
    }

    /** A replay of the default {@code session} engine, pricing by the business's country without regions. */
    public static ReplaySettings replay(PriceBook prices, boolean strict, int parallelism) {
        return new ReplaySettings(session(prices), strict, parallelism);
    }
}
