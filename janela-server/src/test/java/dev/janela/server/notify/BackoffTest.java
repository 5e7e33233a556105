package dev.janela.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The waits between attempts, with the defaults (10 s doubling up to an hour), for chosen draws of the spread. */
class BackoffTest {
    private static final Backoff DEFAULTS = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1));

    @ParameterizedTest(name = "after {0} failed attempts, draw {1}: {2} ms")
    @CsvSource({
        // failed attempts, draw in [0, 1), wait in ms
        "1,  0.5,   10000",
        "2,  0.5,   20000",
        "3,  0.5,   40000",
        "9,  0.5,   2560000",
        "10, 0.5,   3600000",
        "31, 0.5,   3600000",
        "1,  0.0,   8000",
        "1,  0.75,  11000",
        "10, 0.0,   2880000",
        "10, 0.999, 4318560",
    })
    void after_doublesTheFirstWait_upToTheLongest_spreadByAFifthEitherWay(int failedAttempts, double draw,
            long millis) {
        Duration wait = DEFAULTS.after(failedAttempts, drawing(draw));

        assertThat(wait).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void after_noFailedAttempt_isABug(int failedAttempts) {
        IllegalArgumentException bug = assertThrows(IllegalArgumentException.class,
                () -> DEFAULTS.after(failedAttempts, drawing(0.5)));

        assertThat(bug).hasMessageContaining("failedAttempts was " + failedAttempts);
    }

    /** A generator whose every {@code nextDouble()} is {@code draw}. */
    private static RandomGenerator drawing(double draw) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("a wait's spread reads nextDouble()");
            }

            @Override
            public double nextDouble() {
                return draw;
            }
        };
    }
}
