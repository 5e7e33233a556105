package dev.janela.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counting failed sign-ins: a window of failures, pauses that grow, and a memory that forgets. */
class SignInCountTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final SignInLimit LIMIT = SignInLimit.ADDRESS;

    @Test
    void theFailureThatReachesTheLimit_pausesTheSubject_andCountingStartsAfresh() {
        SignInCount count = failures(SignInCount.none(START), 4, START);
        assertThat(count.failures()).isEqualTo(4);
        assertThat(count.pauseLeft(START)).isEmpty();

        SignInCount paused = count.afterFailure(LIMIT, START);

        assertThat(paused.pauseLeft(START)).contains(Duration.ofMinutes(5));
        assertThat(paused.failures()).isZero();
        assertThat(paused.pauses()).isEqualTo(1);
    }

    @Test
    void aPause_endsAtItsEnd() {
        SignInCount paused = failures(SignInCount.none(START), 5, START);

        assertThat(paused.pauseLeft(START.plusSeconds(299))).contains(Duration.ofSeconds(1));
        assertThat(paused.pauseLeft(START.plusSeconds(300))).isEmpty();
    }

    @Test
    void failuresOutsideTheWindow_startANewOne() {
        SignInCount count = failures(SignInCount.none(START), 4, START);

        SignInCount later = count.afterFailure(LIMIT, START.plus(Duration.ofMinutes(15)));

        assertThat(later.failures()).isEqualTo(1);
        assertThat(later.windowStart()).isEqualTo(START.plus(Duration.ofMinutes(15)));
    }

    @ParameterizedTest
    @CsvSource({"1, PT5M", "2, PT10M", "3, PT20M", "4, PT40M", "5, PT1H", "6, PT1H", "100, PT1H"})
    void pausesInARow_doubleUpToTheLongest(int nth, Duration pause) {
        assertThat(LIMIT.pause(nth)).isEqualTo(pause);
    }

    @Test
    void aDayWithoutFailures_forgetsEarlierPauses() {
        SignInCount count = new SignInCount(4, START, 3, Optional.of(START), START);

        SignInCount nextDay = failures(count, 5, START.plus(Duration.ofDays(1)));

        assertThat(nextDay.pauses()).isEqualTo(1);
        assertThat(nextDay.pauseLeft(START.plus(Duration.ofDays(1)))).contains(Duration.ofMinutes(5));
    }

    private static SignInCount failures(SignInCount count, int times, Instant at) {
        SignInCount after = count;
        for (int i = 0; i < times; i++) {
            after = after.afterFailure(LIMIT, at);
        }
        return after;
    }
}
