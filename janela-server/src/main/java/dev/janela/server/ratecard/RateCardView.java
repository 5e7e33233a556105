package dev.janela.server.ratecard;

import dev.janela.core.ratecard.RateCard;
import java.time.Instant;

/** A rate card version as the API and the Rate cards page show it. */
record RateCardView(String version, Instant effectiveFrom, String currency, int markets, Instant createdAt,
        String createdBy) {
    static RateCardView of(RateCards.Version version) {
        return of(version, version.card());
    }

    static RateCardView of(RateCards.Version version, RateCard card) {
        return new RateCardView(version.version(), version.effectiveFrom(), version.currency(), card.markets().size(),
                version.createdAt(), version.createdBy());
    }

    /** Whether it prices everything before any later version: the first version, uploaded without a day. */
    public boolean fromTheStart() {
        return effectiveFrom.equals(RateCards.BEGINNING);
    }
}
