package dev.janela.server.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long an event waits after a failed attempt: {@code first} after the first failure, doubled after each further
 * one up to {@code max}, then spread by up to 20% either way, so that the events of a receiver that was down do not
 * all come back to it at the same instant.
 */
record Backoff(Duration first, Duration max) {
    /** The spread: a wait is between 80% and 120% of its nominal length. */
    static final double JITTER = 0.2;

    Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
    }

    /**
     * The wait after {@code failedAttempts} failed attempts.
     *
     * @param failedAttempts at least 1
     * @param random where the spread comes from; {@code nextDouble()} is read once
     */
    Duration after(int failedAttempts, RandomGenerator random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("a wait follows a failed attempt; failedAttempts was " + failedAttempts);
        }
        Duration nominal = first;
        for (int doubling = 1; doubling < failedAttempts && nominal.compareTo(max) < 0; doubling++) {
            nominal = nominal.multipliedBy(2);
        }
        if (nominal.compareTo(max) > 0) {
            nominal = max;
        }
        double spread = 1 + JITTER * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.round(nominal.toMillis() * spread));
    }
}
