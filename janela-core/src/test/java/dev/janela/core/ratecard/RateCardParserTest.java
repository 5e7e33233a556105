package dev.janela.core.ratecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import dev.janela.core.pricing.Category;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateCardParserTest {
    private static final String HEADER = "market,category,price,currency\n";

    @Nested
    class Valid {
        @Test
        void prices_byMarketAndCategory_withTheStarRowForUnlistedMarkets() {
            RateCard card = parse(HEADER + """
                    BR,user_initiated,0.0300,USD
                    Rest of Latin America,business_initiated,0.0740,USD
                    *,user_initiated,0.0100,USD
                    """);

            assertThat(price(card, "BR", Category.USER_INITIATED)).isEqualTo("0.03");
            assertThat(price(card, "Rest of Latin America", Category.BUSINESS_INITIATED)).isEqualTo("0.074");
            assertThat(price(card, "MX", Category.USER_INITIATED)).isEqualTo("0.01");
            assertThat(card.currency().getCurrencyCode()).isEqualTo("USD");
            assertThat(card.displayScale()).isEqualTo(4);
            assertThat(card.price("BR", Category.USER_INITIATED).rateCardVersion()).isEqualTo("v1");
        }

        @Test
        void columnsInAnyOrder_commentsBlankLinesQuotesByteOrderMarkAndCrLf() {
            RateCard card = parse("\uFEFF# a comment\r\n\r\nCurrency, Price ,market,category\r\n"
                    + "  # another\r\nUSD,0.000001,\"Rest of Central & Eastern Europe\",marketing\r\n"
                    + "USD, 1 ,br,USER_INITIATED\r\n");

            assertThat(price(card, "Rest of Central & Eastern Europe", Category.MARKETING)).isEqualTo("0.000001");
            assertThat(price(card, "BR", Category.USER_INITIATED)).isEqualTo("1");
            assertThat(card.displayScale()).isEqualTo(6);
        }

        @Test
        void missingPrice_isAnErrorNamingMarketAndCategory() {
            RateCard card = parse(HEADER + "BR,user_initiated,0.03,USD\n");

            assertThatThrownBy(() -> card.price("MX", Category.BUSINESS_INITIATED))
                    .isInstanceOf(MissingPriceException.class)
                    .hasMessageContaining("market MX").hasMessageContaining("category business_initiated")
                    .satisfies(e -> assertThat(((MissingPriceException) e).code()).isEqualTo(ErrorCode.PRICE_MISSING));
            assertThat(card.find("MX", Category.BUSINESS_INITIATED)).isEmpty();
        }

        @Test
        void zeroPrice_isAPriceNotAMissingOne() {
            RateCard card = parse(HEADER + "BR,user_initiated,0,USD\n");

            assertThat(card.price("BR", Category.USER_INITIATED).amount().isZero()).isTrue();
        }
    }

    @Nested
    class Invalid {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "''                                   | rates.csv: is empty",
            "'# only a comment'                   | rates.csv: is empty",
            "market,category,price                | rates.csv:1: the header has no \"currency\" column",
            "market,category,price,currency,note  | rates.csv:1: unknown column \"note\"",
            "market,category,price,price          | rates.csv:1: column \"price\" appears twice",
            "market,category,price,currency       | rates.csv:1: has a header but no prices",
        })
        void header(String text, String expected) {
            assertInvalid(text.replace("\\n", "\n"), expected);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "BR                                     | rates.csv:2: has 1 field; expected 4",
            "BR,user_initiated,0.03                 | rates.csv:2: has 3 fields; expected 4",
            "BR,user_initiated,0.03,USD,x           | rates.csv:2: has 5 fields; expected 4",
            "',user_initiated,0.03,USD'             | rates.csv:2: market: is empty",
            "XX,user_initiated,0.03,USD             | rates.csv:2: market: \"XX\" is not an ISO 3166-1 country code",
            "BR,bussiness_initiated,0.03,USD        | rates.csv:2: category: \"bussiness_initiated\" is not a category",
            "'BR,user_initiated,,USD'               | rates.csv:2: price: is empty",
            "BR,user_initiated,-0.01,USD            | rates.csv:2: price: \"-0.01\" is negative",
            "BR,user_initiated,abc,USD              | rates.csv:2: price: \"abc\" is not a decimal",
            "BR,user_initiated,1e-3,USD             | rates.csv:2: price: \"1e-3\" is not a decimal",
            "BR,user_initiated,.5,USD               | rates.csv:2: price: \".5\" is not a decimal",
            "BR,user_initiated,'0,5',USD            | rates.csv:2: has 5 fields",
            "BR,user_initiated,0.0000001,USD        | rates.csv:2: price: \"0.0000001\" has 7 fractional digits",
            "BR,user_initiated,1000000.01,USD       | rates.csv:2: price: \"1000000.01\" is over 1000000",
            "BR,user_initiated,NaN,USD              | rates.csv:2: price: \"NaN\" is not a decimal",
            "BR,user_initiated,0.03,usd             | rates.csv:2: currency: \"usd\" is not an ISO 4217 code",
            "BR,user_initiated,0.03,XYZ             | rates.csv:2: currency: \"XYZ\" is not an ISO 4217 currency code",
            "'BR,\"user_initiated,0.03,USD'         | rates.csv:2: a quoted field is not closed",
            "'BR,user\"initiated,0.03,USD'          | rates.csv:2: a quote inside an unquoted field",
            "'\"BR\"x,user_initiated,0.03,USD'      | rates.csv:2: unexpected text after a quoted field",
        })
        void row(String row, String expected) {
            assertInvalid(HEADER + row + "\n", expected);
        }

        @Test
        void samePriceTwice_namesBothLines() {
            assertInvalid(HEADER + "BR,user_initiated,0.03,USD\n# c\nbr,user_initiated,0.04,USD\n",
                    "rates.csv:4: market BR, category user_initiated is priced twice (lines 2 and 4)");
        }

        @Test
        void twoCurrencies_namesTheLineOfTheFirst() {
            assertInvalid(HEADER + "BR,user_initiated,0.03,USD\nMX,user_initiated,0.6,BRL\n",
                    "rates.csv:3: currency: BRL differs from USD on line 2; a rate card has one currency");
        }

        @Test
        void everyBadLine_isReported_withEveryFieldAtFault() {
            String text = HEADER + "BR,user_initiated,cheap,USD\nMX,user_initiated,0.03,USD\nXX,marketing,-1,USD\n"
                    + "AR,service\n\"BR\"x,marketing,0.03,USD\n";

            assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(FileFormatException.class, e -> {
                assertThat(e.badLines()).isEqualTo(4);
                assertThat(e.problems()).extracting(FileFormatException.Problem::line,
                        FileFormatException.Problem::field).containsExactly(tuple(2, "price"), tuple(4, "market"),
                        tuple(4, "price"), tuple(5, null), tuple(6, null));
                assertThat(e.getMessage()).startsWith("rates.csv: 4 lines are invalid\nrates.csv:2: price:")
                        .contains("\nrates.csv:4: market: \"XX\"", "\nrates.csv:4: price: \"-1\" is negative",
                                "\nrates.csv:5: has 2 fields", "\nrates.csv:6: unexpected text after a quoted field");
            });
        }

        @Test
        void aFileOfBadLines_listsTheFirstFifty_andCountsTheRest() {
            String text = HEADER + "BR,user_initiated,cheap,USD\n".repeat(60);

            assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(FileFormatException.class, e -> {
                assertThat(e.problems()).hasSize(FileFormatException.MOST_LINES_LISTED);
                assertThat(e.problems().get(49).line()).isEqualTo(51);
                assertThat(e.linesNotListed()).isEqualTo(10);
                assertThat(e.badLines()).isEqualTo(60);
                assertThat(e.getMessage()).startsWith("rates.csv: 60 lines are invalid\n")
                        .endsWith("\nand 10 more lines");
            });
        }

        @Test
        void everyProblem_carriesFileLineAndField() {
            assertThatThrownBy(() -> parse(HEADER + "BR,user_initiated,-1,USD\n"))
                    .isInstanceOfSatisfying(FileFormatException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RATE_CARD);
                        assertThat(e.source()).isEqualTo("rates.csv");
                        assertThat(e.line()).isEqualTo(2);
                        assertThat(e.field()).contains("price");
                    });
        }

        private void assertInvalid(String text, String expected) {
            assertThatThrownBy(() -> parse(text)).isInstanceOf(FileFormatException.class)
                    .hasMessageStartingWith(expected);
        }
    }

    private static RateCard parse(String text) {
        return RateCardParser.parse("rates.csv", text, "v1", Instant.MIN);
    }

    private static String price(RateCard card, String market, Category category) {
        return card.price(market, category).amount().toBigDecimal().stripTrailingZeros().toPlainString();
    }
}
