package dev.janela.core.ratecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.ErrorCode;
import dev.janela.core.JanelaException;
import dev.janela.core.pricing.Category;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceBookTest {
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant JULY = Instant.parse("2026-07-01T00:00:00Z");

    private final PriceBook book = PriceBook.of(List.of(card("q3.csv", JULY, "0.0625", "USD"),
            card("q2.csv", APRIL, "0.0500", "USD")));

    @ParameterizedTest(name = "at {0}: {1}")
    @CsvSource({
        "2026-04-01T00:00:00Z, q2.csv, 0.05",
        "2026-06-30T23:59:59.999Z, q2.csv, 0.05",
        "2026-07-01T00:00:00Z, q3.csv, 0.0625",
        "2030-01-01T00:00:00Z, q3.csv, 0.0625",
    })
    void price_isTheOneOfTheVersionInForceAtTheEventsTime(Instant at, String version, String price) {
        Price found = book.price("BR", Category.MARKETING, at);

        assertThat(found.rateCardVersion()).isEqualTo(version);
        assertThat(found.amount().toBigDecimal()).isEqualByComparingTo(price);
    }

    @Test
    void beforeEveryVersion_noRateCardIsInForce() {
        assertThatThrownBy(() -> book.price("BR", Category.MARKETING, APRIL.minusMillis(1)))
                .isInstanceOfSatisfying(JanelaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_RATE_CARD_IN_FORCE))
                .hasMessageContaining("q2.csv, takes effect at 2026-04-01T00:00:00Z");
    }

    @Test
    void versionsInDifferentCurrencies_areRefused() {
        assertThatThrownBy(() -> PriceBook.of(List.of(card("a", APRIL, "1", "USD"), card("b", JULY, "1", "EUR"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one price book has one currency");
    }

    @Test
    void twoVersionsFromTheSameInstant_areRefused() {
        assertThatThrownBy(() -> PriceBook.of(List.of(card("a", APRIL, "1", "USD"), card("b", APRIL, "2", "USD"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both take effect at");
    }

    @Test
    void emptyBook_pricesNothing_andSaysSo() {
        PriceBook empty = PriceBook.empty();

        assertThat(empty.currency().getCurrencyCode()).isEqualTo("XXX");
        assertThatThrownBy(() -> empty.price("BR", Category.USER_INITIATED, APRIL))
                .isInstanceOfSatisfying(JanelaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_RATE_CARD_IN_FORCE))
                .hasMessageContaining("there is no rate card yet");
    }

    @Test
    void displayScale_isTheLargestOfItsVersions() {
        PriceBook mixed = PriceBook.of(List.of(card("a", APRIL, "0.05", "USD"), card("b", JULY, "0.123456", "USD")));

        assertThat(mixed.displayScale()).isEqualTo(6);
    }

    private static RateCard card(String version, Instant from, String price, String currency) {
        return RateCardParser.parse(version, "market,category,price,currency\nBR,marketing," + price + "," + currency,
                version, from);
    }
}
