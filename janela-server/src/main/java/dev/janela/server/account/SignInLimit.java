package dev.janela.server.account;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed sign-ins one subject (an address, or all of an account's addresses) may have before its sign-ins
 * pause, and for how long. Each pause in a row is twice the one before, up to {@code longestPause}; a subject with no
 * failure for {@code memory} starts again from its first pause.
 *
 * @param failures how many failures within {@code window} pause the subject
 * @param window the span, from the first failure counted, in which {@code failures} pause it
 * @param firstPause how long the first pause lasts
 * @param longestPause the most a pause grows to
 * @param memory how long, after its last failure, earlier pauses still make the next one longer
 */
record SignInLimit(int failures, Duration window, Duration firstPause, Duration longestPause, Duration memory) {
    /**
     * An address: after 5 failures within 15 minutes, whatever the password, it waits 5 minutes, then 10, 20, 40 and
     * at most an hour; a guesser gets about a hundred tries a day, a person who mistyped waits a few minutes.
     */
    static final SignInLimit ADDRESS = new SignInLimit(5, Duration.ofMinutes(15), Duration.ofMinutes(5),
            Duration.ofHours(1), Duration.ofDays(1));
    /**
     * An account: 20 failures within 15 minutes over all its addresses, more than its people mistype but fewer than
     * trying a password on many of its addresses (spraying) takes, pause all of them for 15 minutes, up to an hour.
     */
    static final SignInLimit ACCOUNT = new SignInLimit(20, Duration.ofMinutes(15), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofDays(1));

    SignInLimit {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(firstPause, "firstPause");
        Objects.requireNonNull(longestPause, "longestPause");
        Objects.requireNonNull(memory, "memory");
        if (longestPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("longestPause (" + longestPause + ") must be at least firstPause ("
                    + firstPause + ")");
        }
    }

    /** How long the {@code nth} pause in a row lasts (the first is 1). */
    Duration pause(int nth) {
        Duration pause = firstPause;
        for (int i = 1; i < nth && pause.compareTo(longestPause) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(longestPause) < 0 ? pause : longestPause;
    }
}
