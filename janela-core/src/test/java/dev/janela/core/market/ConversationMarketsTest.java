package dev.janela.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.conversation.ConversationKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversationMarketsTest {
    private static final Markets DATED = Markets.parse("markets.csv", """
            market,country,from
            Rest of Latin America,DO,
            DO,DO,2026-07-01
            """);
    private static final ConversationKey DOMINICAN_CUSTOMER = new ConversationKey("+5511999990000", "+18095551234");

    @ParameterizedTest(name = "at {0}")
    @CsvSource({"2026-06-30T23:59:59Z", "2026-07-01T00:00:00Z", "2027-01-01T00:00:00Z"})
    void marketOf_underAResolverItWasMadeWith_isWhatThatResolverSays(String at) {
        MarketResolver byRecipient = new MarketResolver(DATED, MarketBasis.RECIPIENT, Map.of());
        MarketResolver byBusiness = new MarketResolver(DATED, MarketBasis.BUSINESS, Map.of());
        Instant instant = Instant.parse(at);

        // Each order: the first resolver's market is kept apart when it holds for all time (byBusiness's).
        for (List<MarketResolver> resolvers : List.of(List.of(byRecipient, byBusiness),
                List.of(byBusiness, byRecipient))) {
            ConversationMarkets markets = ConversationMarkets.of(DOMINICAN_CUSTOMER, resolvers);

            assertThat(markets.marketOf(byRecipient, instant))
                    .isEqualTo(byRecipient.marketOf(DOMINICAN_CUSTOMER, instant));
            assertThat(markets.marketOf(byBusiness, instant)).isEqualTo("BR");
        }
    }

    @Test
    void marketOf_underAnotherResolver_asksThatResolver() {
        MarketResolver remembered = new MarketResolver(Markets.none(), MarketBasis.RECIPIENT, Map.of());
        MarketResolver other = new MarketResolver(DATED, MarketBasis.RECIPIENT, Map.of());
        ConversationMarkets markets = ConversationMarkets.of(DOMINICAN_CUSTOMER, List.of(remembered));

        String market = markets.marketOf(other, Instant.parse("2026-03-01T00:00:00Z"));

        assertThat(market).isEqualTo("Rest of Latin America");
    }
}
