package dev.janela.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class E164Test {
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9, 10, 99, 100, 999_999, 1_000_000, 999_999_999_999_999L, 1_000_000_000_000_000L,
        Long.MAX_VALUE})
    void digitCount_ofEdges_isTheLengthOfTheDecimal(long value) {
        assertThat(E164.digitCount(value)).isEqualTo(Long.toString(value).length());
    }

    @RepeatedTest(1000)
    void digitCount_ofRandomValues_isTheLengthOfTheDecimal(RepetitionInfo repetition) {
        long seed = 0xD1C0_0000L + repetition.getCurrentRepetition();
        long value = new SplittableRandom(seed).nextLong(Long.MAX_VALUE) >>> new SplittableRandom(seed).nextInt(63);

        assertThat(E164.digitCount(value)).as("seed %d: %d", seed, value).isEqualTo(Long.toString(value).length());
    }
}
