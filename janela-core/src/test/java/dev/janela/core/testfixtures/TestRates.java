package dev.janela.core.testfixtures;

import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.RateCard;
import dev.janela.core.ratecard.RateCardParser;
import java.time.Instant;

/** Rate cards for tests. */
public final class TestRates {
    /** Brazil's session prices of the format's example, with a second country, a region and a fallback. */
    public static final String CARD = """
            market,category,price,currency
            BR,user_initiated,0.0300,USD
            BR,business_initiated,0.0500,USD
            MX,user_initiated,0.0085,USD
            MX,business_initiated,0.0305,USD
            Rest of Latin America,business_initiated,0.0740,USD
            *,user_initiated,0.0100,USD
            *,business_initiated,0.0600,USD
            """;

    private TestRates() {
    }

    public static RateCard card() {
        return RateCardParser.parse("rates.csv", CARD, "rates.csv", Instant.MIN);
    }

    public static PriceBook priceBook() {
        return PriceBook.of(card());
    }
}
