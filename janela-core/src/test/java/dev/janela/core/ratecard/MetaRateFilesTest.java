package dev.janela.core.ratecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import dev.janela.core.pricing.Category;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Meta's rate files, written here in Meta's layout (notes, a header cell across two lines, Meta's names). */
class MetaRateFilesTest {
    private static final Currency USD = Currency.getInstance("USD");
    static final String PRICING = """
            WhatsApp Business Platform pricing,,,,,,
            Rates effective October 1, 2026,,,,,,
            "Rates are per delivered message, in the currency below",,,,,,
            See https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing,,,,,,
            ,,,,,,
            Market,Currency,Marketing,Utility,Authentication,"Authentication-
            International",Service
            Argentina,$US,0.0618,0.0260,0.0260,n/a,0.0260
            Brazil,$US,0.0625,0.0068,0.0068,n/a,0.0068
            India,$US,0.0118,0.0014,0.0014,0.0280,0.0014
            Hong Kong,$US,0.0730,0.0167,0.0167,0.0435,0.0167
            North America,$US,0.0250,0.0034,0.0034,n/a,0.0034
            Rest of Central & Eastern Europe,$US,0.0860,0.0212,0.0212,0.0455,0.0212
            Other,$US,0.0604,0.0077,0.0077,n/a,0.0077
            """;
    static final String TIERS = """
            WhatsApp Business Platform volume tiers,,,,,,,,,,,,,,,,
            https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing,,,,,,,,,,,,,,,,
            ,,Utility,,,,,Authentication,,,,,Authentication-International,,,,
            ,,Messages per month,,What we charge,,,Messages per month,,What we charge,,,\
            Messages per month,,What we charge,,
            "Market
            (per rate card)",Currency,From,To,Rate type,Rate,vs. List rate,From,To,Rate type,Rate,vs. List rate,\
            From,To,Rate type,Rate,vs. List rate
            India,$US,1,"25,000,000",List rate,0.0014,0%,1,"25,000,000",List rate,0.0014,0%,\
            1,"3,000,000",List rate,0.0280,0%
            ,$US,"25,000,000","50,000,000",Tier rate,0.0013,-5%,"25,000,000",--,Tier rate,0.0013,-5%,\
            "3,000,000",--,Tier rate,0.0266,-5%
            ,$US,"50,000,000",--,Tier rate,0.0012,-10%,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a
            Brazil,$US,1,"250,000",List rate,0.0068,0%,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a
            ,$US,"250,000",--,Tier rate,0.0064,-5%,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a
            """;

    @Test
    void aRateCardFile_becomesJanelasRateCard_everyPriceAsMetaPrintedIt() {
        MetaRateFiles.Converted converted = MetaRateFiles.convert("Pricing.csv", PRICING);
        RateCard card = RateCardParser.parse("Pricing.csv", converted.csv(), "oct", Instant.MIN);

        assertThat(converted.kind()).isEqualTo(MetaRateFiles.Kind.RATE_CARD);
        assertThat(converted.currency()).isEqualTo(USD);
        assertThat(converted.rows()).isEqualTo(31);
        Map<String, String> markets = Map.of("Argentina", "AR", "Brazil", "BR", "India", "IN", "Hong Kong", "HK",
                "North America", "North America", "Rest of Central & Eastern Europe",
                "Rest of Central & Eastern Europe", "Other", "*");
        Category[] columns = {Category.MARKETING, Category.UTILITY, Category.AUTHENTICATION,
            Category.AUTHENTICATION_INTERNATIONAL, Category.SERVICE};
        PRICING.lines().skip(7).forEach(line -> {
            String[] cells = line.split(",");
            String market = markets.get(cells[0]);
            for (int column = 0; column < columns.length; column++) {
                String cell = cells[column + 2];
                assertThat(card.find(market, columns[column]).map(MetaRateFilesTest::plain))
                        .as("%s %s", cells[0], columns[column])
                        .isEqualTo(cell.equals("n/a") ? Optional.empty() : Optional.of(cell));
            }
        });
    }

    @Test
    void aVolumeTiersFile_becomesJanelasVolumeTiers_withTheRangesFollowingOneAnother() {
        MetaRateFiles.Converted converted = MetaRateFiles.convert("Tier Pricing.csv", TIERS);
        VolumeTiers tiers = VolumeTiersParser.parse("Tier Pricing.csv", converted.csv());

        assertThat(converted.kind()).isEqualTo(MetaRateFiles.Kind.VOLUME_TIERS);
        assertThat(converted.rows()).isEqualTo(9);
        assertThat(price(tiers, "IN", Category.UTILITY, 25_000_000)).isEqualTo("0.0014");
        assertThat(price(tiers, "IN", Category.UTILITY, 25_000_001)).isEqualTo("0.0013");
        assertThat(price(tiers, "IN", Category.UTILITY, 50_000_001)).isEqualTo("0.0012");
        assertThat(price(tiers, "IN", Category.AUTHENTICATION, 90_000_000)).isEqualTo("0.0013");
        assertThat(price(tiers, "IN", Category.AUTHENTICATION_INTERNATIONAL, 3_000_001)).isEqualTo("0.0266");
        assertThat(price(tiers, "BR", Category.UTILITY, 250_001)).isEqualTo("0.0064");
        assertThat(tiers.price("BR", Category.AUTHENTICATION, 1, USD)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Brazil,$US,0.0625  | Atlantis,$US,0.0625 | Pricing.csv:10: market \"Atlantis\" is not one of Meta's markets",
        "Brazil,$US,0.0625  | Brazil,$US,cheap    | Pricing.csv:10: marketing \"cheap\" is not a number",
        "Brazil,$US,0.0625  | Brazil,$US,0.0000001 | Pricing.csv:10: marketing \"0.0000001\" has more than 6",
        "Brazil,$US,0.0625  | Brazil,R$,0.3100   | Pricing.csv:10: is priced in BRL, the lines above in USD",
        "Brazil,$US,0.0625  | Brazil,¤¤,0.3100   | Pricing.csv:10: currency \"¤¤\" is neither",
    })
    void aLineMetaNeverWrote_refusesTheWholeFile_namingItsLine(String good, String bad, String message) {
        String text = "Notes,,\n,,\nMarket,Currency,Marketing\n" + "Brazil,$US,0.0625\n".repeat(5)
                + good + "\n" + bad + "\n";

        assertThatThrownBy(() -> MetaRateFiles.convert("Pricing.csv", text))
                .isInstanceOfSatisfying(FileFormatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RATE_CARD))
                .hasMessageStartingWith(message);
    }

    @Test
    void everyLineMetaNeverWrote_isNamed() {
        String text = "Market,Currency,Marketing\nAtlantis,$US,0.0625\nBrazil,$US,0.0625\nBrazil,$US,cheap\n";

        assertThatThrownBy(() -> MetaRateFiles.convert("Pricing.csv", text))
                .isInstanceOfSatisfying(FileFormatException.class, e -> assertThat(e.problems())
                        .extracting(FileFormatException.Problem::line).containsExactly(2, 4))
                .hasMessageStartingWith("Pricing.csv: 2 lines are invalid\nPricing.csv:2: market \"Atlantis\"");
    }

    @Test
    void aFileWithoutMetasHeader_orWithAnOpenQuote_isRefused() {
        assertThatThrownBy(() -> MetaRateFiles.convert("rates.csv", "market,category,price,currency\n"))
                .hasMessageContaining("rates.csv:1: is already a rate card in Janela's format");
        assertThatThrownBy(() -> MetaRateFiles.convert("notes.csv", "Some notes\nand more\n"))
                .hasMessageContaining("notes.csv: has no header line naming Market, Currency and the categories");
        assertThatThrownBy(() -> MetaRateFiles.convert("Pricing.csv", "Market,Currency,\"Marketing\n"))
                .hasMessageContaining("a quoted cell is not closed");
        assertThatThrownBy(() -> MetaRateFiles.convert("Tier Pricing.csv", TIERS.replace("\nIndia,", "\n,")))
                .isInstanceOfSatisfying(FileFormatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VOLUME_TIERS))
                .hasMessageContaining("Tier Pricing.csv:7: names no market, and no row above it does");
    }

    private static String price(VolumeTiers tiers, String market, Category category, long number) {
        return plain(tiers.price(market, category, number, USD).orElseThrow());
    }

    /** A price as Meta prints it: four decimal places. */
    private static String plain(Price price) {
        return price.amount().toBigDecimal().setScale(4, RoundingMode.UNNECESSARY).toPlainString();
    }
}
