package dev.janela.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import dev.janela.core.conversation.ConversationKey;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketsTest {
    private static final Instant TODAY = Instant.parse("2026-12-06T00:00:00Z");

    @Test
    void marketOf_isTheRegionOfAMappedCountry_elseTheCountry() {
        Markets markets = Markets.parse("markets.csv", "market,country\nNorth America,US\nNorth America,ca\n");

        assertThat(markets.marketOf("US", Instant.EPOCH)).isEqualTo("North America");
        assertThat(markets.marketOf("CA", Instant.EPOCH)).isEqualTo("North America");
        assertThat(markets.marketOf("BR", Instant.EPOCH)).isEqualTo("BR");
    }

    @Test
    void aDatedRow_holdsFromMidnightUtcOfItsDay_untilTheCountrysNextRow() {
        Markets markets = Markets.parse("markets.csv", """
                market,country,from
                Rest of Asia Pacific,SG,
                SG,SG,2026-07-01
                Rest of Asia Pacific,AU,
                Somewhere Else,AU,2027-01-01T03:00:00Z
                """);
        Instant july = Instant.parse("2026-07-01T00:00:00Z");

        assertThat(markets.marketOf("SG", july.minusMillis(1))).isEqualTo("Rest of Asia Pacific");
        assertThat(markets.marketOf("SG", july)).isEqualTo("SG");
        assertThat(markets.marketOf("AU", july)).isEqualTo("Rest of Asia Pacific");
        assertThat(markets.marketOf("AU", Instant.parse("2027-01-01T03:00:00Z"))).isEqualTo("Somewhere Else");
    }

    @ParameterizedTest(name = "{0} at {1} is in {2}")
    @CsvSource({
        "HK, 2026-06-30T23:59:59Z, Rest of Asia Pacific", "HK, 2026-07-01T00:00:00Z, HK",
        "PL, 2026-06-30T23:59:59Z, Rest of Central & Eastern Europe", "PL, 2026-07-01T00:00:00Z, PL",
        "QA, 2026-06-30T23:59:59Z, Rest of Middle East", "QA, 2026-07-01T00:00:00Z, QA",
        "BD, 2026-09-30T23:59:59Z, Rest of Asia Pacific", "BD, 2026-10-01T00:00:00Z, BD",
        "MA, 2026-09-30T23:59:59Z, Rest of Africa", "MA, 2026-10-01T00:00:00Z, MA",
        "UA, 2026-09-30T23:59:59Z, Rest of Central & Eastern Europe", "UA, 2026-10-01T00:00:00Z, UA",
        "ZW, 2025-09-30T23:59:59Z, ZW", "ZW, 2025-10-01T00:00:00Z, Rest of Africa",
    })
    void metaRegions_makeMarketsStandaloneOnTheDaysMetaDid(String country, String at, String market) {
        assertThat(Markets.metaRegions().marketOf(country, Instant.parse(at))).isEqualTo(market);
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
        "US, North America", "CA, North America", "DO, Rest of Latin America", "PR, Rest of Latin America",
        "JM, Rest of Latin America", "KE, Rest of Africa", "ZW, Rest of Africa", "CZ, Rest of Central & Eastern Europe",
        "PT, Rest of Western Europe", "AU, Rest of Asia Pacific", "JO, Rest of Middle East", "SG, SG", "KW, KW",
        "BR, BR", "IN, IN", "GB, GB", "AE, AE", "IS, IS",
    })
    void metaRegions_groupCountriesAsMetasRateCardsDoToday(String country, String market) {
        assertThat(Markets.metaRegions().marketOf(country, TODAY)).isEqualTo(market);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "''                                       | markets.csv: is empty",
        "market                                   | markets.csv:1: the header is \"market\"",
        "region,country                           | markets.csv:1: the header is \"region,country\"",
        "market,country                           | markets.csv:1: has a header but no countries",
        "market,country\\nNorth America           | markets.csv:2: has 1 field; expected 2",
        "market,country,from\\nA b,US             | markets.csv:2: has 2 fields; expected 3 (market,country,from)",
        "market,country,from\\nA b,US,July        | markets.csv:2: from: \"July\" is not a day",
        "market,country,from\\nA b,US,\\nC d,US,   | markets.csv:3: country: US is mapped twice (lines 2 and 3)",
        "market,country,from\\nA b,US,2026-07-01\\nC d,US,2026-07-01 | markets.csv:3: country: US is mapped twice from",
        "market,country,from\\nBR,US,2026-07-01   | markets.csv:2: market: \"BR\" would be confused",
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

        assertThat(resolver.marketOf(key, Instant.EPOCH)).isEqualTo("BR");
        assertThat(new MarketResolver(Markets.none(), MarketBasis.BUSINESS, Map.of()).marketOf(key, Instant.EPOCH))
                .isEqualTo("US");
        assertThat(new MarketResolver(Markets.none(), MarketBasis.RECIPIENT, Map.of("+15550001111", "BR"))
                .marketOf(key, Instant.EPOCH)).isEqualTo("BR");
    }
}
