package dev.janela.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import dev.janela.core.conversation.ConversationKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketsTest {
    @Test
    void marketOf_isTheRegionOfAMappedCountry_elseTheCountry() {
        Markets markets = Markets.parse("markets.csv", "market,country\nNorth America,US\nNorth America,ca\n");

        assertThat(markets.marketOf("US")).isEqualTo("North America");
        assertThat(markets.marketOf("CA")).isEqualTo("North America");
        assertThat(markets.marketOf("BR")).isEqualTo("BR");
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
        "US, North America", "CA, North America", "DO, Rest of Latin America", "PR, Rest of Latin America",
        "JM, Rest of Latin America", "KE, Rest of Africa", "ZW, Rest of Africa", "PL, Rest of Central & Eastern Europe",
        "PT, Rest of Western Europe", "AU, Rest of Asia Pacific", "JO, Rest of Middle East",
        "BR, BR", "IN, IN", "GB, GB", "AE, AE", "IS, IS",
    })
    void metaRegions_groupCountriesAsMetasRateCardsDo(String country, String market) {
        assertThat(Markets.metaRegions().marketOf(country)).isEqualTo(market);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "''                                       | markets.csv: is empty",
        "market                                   | markets.csv:1: the header is \"market\"",
        "region,country                           | markets.csv:1: the header is \"region,country\"",
        "market,country                           | markets.csv:1: has a header but no countries",
        "market,country\\nNorth America           | markets.csv:2: has 1 fields; expected 2",
        "market,country\\n,US                     | markets.csv:2: market: is empty",
        "market,country\\nNA,US                   | markets.csv:2: market: \"NA\" would be confused",
        "market,country\\n*,US                    | markets.csv:2: market: \"*\" would be confused",
        "market,country\\nNorth America,USA       | markets.csv:2: country: \"USA\" is not an ISO 3166-1",
        "market,country\\nNorth America,XX        | markets.csv:2: country: \"XX\" is not an ISO 3166-1",
        "market,country\\nA b,US\\nC d,us         | markets.csv:3: country: US is mapped twice (lines 2 and 3)",
    })
    void parse_reportsFileLineAndField(String text, String expected) {
        assertThatThrownBy(() -> Markets.parse("markets.csv", text.replace("\\n", "\n")))
                .isInstanceOfSatisfying(FileFormatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_MARKETS_FILE))
                .hasMessageStartingWith(expected);
    }

    @Test
    void resolver_usesTheRegisteredCountryOfAChannelWhereGiven() {
        ConversationKey key = new ConversationKey("+15550001111", "+5521988887777");
        MarketResolver resolver = new MarketResolver(Markets.none(), MarketBasis.BUSINESS,
                Map.of("+15550001111", "BR"));

        assertThat(resolver.marketOf(key)).isEqualTo("BR");
        assertThat(new MarketResolver(Markets.none(), MarketBasis.BUSINESS, Map.of()).marketOf(key)).isEqualTo("US");
        assertThat(new MarketResolver(Markets.none(), MarketBasis.RECIPIENT, Map.of("+15550001111", "BR"))
                .marketOf(key)).isEqualTo("BR");
    }
}
