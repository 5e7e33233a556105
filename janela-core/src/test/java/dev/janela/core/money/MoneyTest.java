package dev.janela.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.ErrorCode;
import dev.janela.core.JanelaException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    @RepeatedTest(200)
    void sums_areExactlyWhatBigDecimalSays(RepetitionInfo repetition) {
        long seed = 0x3011_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        Money sum = Money.zero(USD);
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 1000; i++) {
            BigDecimal price = BigDecimal.valueOf(random.nextLong(-1_000_000_000L, 1_000_000_000L), 6);
            sum = sum.plus(Money.of(USD, price));
            expected = expected.add(price);
        }

        assertThat(sum.toBigDecimal()).as("seed %d", seed).isEqualByComparingTo(expected);
        assertThat(new BigDecimal(sum.toPlainString(6))).as("seed %d", seed).isEqualByComparingTo(expected);
    }

    @Test
    void toPlainString_showsTheScaleAsked() {
        Money sixCents = Money.of(USD, new BigDecimal("0.06"));

        assertThat(sixCents.toPlainString(4)).isEqualTo("0.0600");
        assertThat(sixCents.negate().toPlainString(2)).isEqualTo("-0.06");
        assertThat(sixCents.minimumScale()).isEqualTo(2);
        assertThat(Money.zero(USD).toPlainString(4)).isEqualTo("0.0000");
    }

    @Test
    void toPlainString_neverRoundsAwayDigits() {
        Money price = Money.of(USD, new BigDecimal("0.0625"));

        assertThatThrownBy(() -> price.toPlainString(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void of_refusesMoreThanSixFractionalDigits() {
        assertThatThrownBy(() -> Money.of(USD, new BigDecimal("0.0000001")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 6 fractional digits");
        assertThat(Money.of(USD, new BigDecimal("0.10000000")).micros()).isEqualTo(100_000);
    }

    @Test
    void plus_ofTwoCurrencies_isRefused() {
        assertThatThrownBy(() -> Money.zero(USD).plus(Money.zero(EUR)))
                .isInstanceOfSatisfying(JanelaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void plus_thatOverflows_isAnErrorNotAWrongTotal() {
        Money huge = new Money(USD, Long.MAX_VALUE);

        assertThatThrownBy(() -> huge.plus(new Money(USD, 1)))
                .isInstanceOfSatisfying(JanelaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AMOUNT_OVERFLOW));
    }
}
