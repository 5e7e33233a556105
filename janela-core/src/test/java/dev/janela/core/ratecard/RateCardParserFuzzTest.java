package dev.janela.core.ratecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.janela.core.FileFormatException;
import dev.janela.core.market.Markets;
import java.time.Instant;

/**
 * The rate card and markets file parsers, and the reader of Meta's own rate files, either read a file or reject it
 * with Janela's own error naming the file, never anything else.
 */
class RateCardParserFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void parse_eitherReadsTheCardOrRejectsItWithJanelasError(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            RateCard card = RateCardParser.parse("rates.csv", text, "v1", Instant.MIN);
            assertThat(card.markets()).isNotEmpty();
        } catch (FileFormatException rejected) {
            assertThat(rejected.getMessage()).startsWith("rates.csv");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void parseMarkets_eitherReadsTheFileOrRejectsItWithJanelasError(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            Markets markets = Markets.parse("markets.csv", text);
            assertThat(markets.regionOfCountry(Instant.EPOCH)).isNotEmpty();
        } catch (FileFormatException rejected) {
            assertThat(rejected.getMessage()).startsWith("markets.csv");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void convertMetasFile_eitherGivesAValidJanelaFileOrRejectsItWithJanelasError(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            MetaRateFiles.Converted converted = MetaRateFiles.convert("Pricing.csv", text);
            if (converted.kind() == MetaRateFiles.Kind.RATE_CARD) {
                assertThat(RateCardParser.parse("Pricing.csv", converted.csv(), "v1", Instant.MIN).markets())
                        .isNotEmpty();
            } else {
                assertThat(VolumeTiersParser.parse("Pricing.csv", converted.csv())).isNotNull();
            }
        } catch (FileFormatException rejected) {
            assertThat(rejected.getMessage()).startsWith("Pricing.csv");
        }
    }
}
