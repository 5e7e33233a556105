package dev.janela.server.ratecard;

import dev.janela.core.ratecard.RateCardParser;
import java.time.Instant;

/** A rate card version as the API and the Rate cards page show it. */
record RateCardView(String version, Instant effectiveFrom, String currency, int markets, Instant createdAt,
        String createdBy) {
    static RateCardView of(RateCards.Version version) {
        return new RateCardView(version.version(), version.effectiveFrom(), version.currency(),
                RateCardParser.parse(version.version(), version.csv(), version.version(), version.effectiveFrom())
                        .markets().size(), version.createdAt(), version.createdBy());
    }
}
