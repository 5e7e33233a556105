package dev.janela.server.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A subject's failed sign-ins as they stand: those counted in the current window, how many pauses it has had in a
 * row, and the one it is in, if any.
 *
 * @param failures the failures counted since {@code windowStart}
 * @param windowStart when the first failure of the current window came
 * @param pauses how many pauses in a row the subject has had
 * @param pausedUntil until when the subject's sign-ins are paused, if they were
 * @param lastFailedAt when its latest failure came
 */
record SignInCount(int failures, Instant windowStart, int pauses, Optional<Instant> pausedUntil,
        Instant lastFailedAt) {
    SignInCount {
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(pausedUntil, "pausedUntil");
        Objects.requireNonNull(lastFailedAt, "lastFailedAt");
    }

    /** A subject with no failure yet. */
    static SignInCount none(Instant now) {
        return new SignInCount(0, now, 0, Optional.empty(), now);
    }

    /** How long the subject's pause still lasts at {@code now}, if it is paused. */
    Optional<Duration> pauseLeft(Instant now) {
        return pausedUntil.filter(now::isBefore).map(until -> Duration.between(now, until));
    }

    /**
     * The count after one more failure at {@code now}: counted in the current window, or starting a new one once the
     * window has passed; the failure that reaches the limit pauses the subject and starts counting afresh.
     */
    SignInCount afterFailure(SignInLimit limit, Instant now) {
        int pausesInARow = now.isBefore(lastFailedAt.plus(limit.memory())) ? pauses : 0;
        boolean inWindow = failures > 0 && now.isBefore(windowStart.plus(limit.window()));
        int counted = inWindow ? failures + 1 : 1;
        if (counted < limit.failures()) {
            return new SignInCount(counted, inWindow ? windowStart : now, pausesInARow, pausedUntil, now);
        }
        int nth = pausesInARow + 1;
        return new SignInCount(0, now, nth, Optional.of(now.plus(limit.pause(nth))), now);
    }
}
