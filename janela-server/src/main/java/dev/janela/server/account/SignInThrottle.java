package dev.janela.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits guessing passwords on the sign-in form, per address and per account ({@link SignInLimit}), with counts in
 * the database so that several processes over it limit together.
 *
 * <p>An address is counted the same whether a user has it or not, so that a pause tells nobody which addresses
 * exist. Every attempt is counted as a failure before its password is checked, so that a burst of attempts at once
 * still checks no more passwords than the limit allows; a success then clears the address's count. An account counts
 * the failures of its users' addresses; while it is paused, its users' attempts fail as a wrong password does, for the
 * same reason.
 */
@Service
public class SignInThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);

    private final SignInCounts counts;
    private final Users users;
    private final Clock clock;

    SignInThrottle(SignInCounts counts, Users users, Clock clock) {
        this.counts = counts;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Whether an attempt may check its password.
     *
     * @param pause how long the address must still wait, when it may not: the attempt is refused, whatever the
     *     password
     * @param accountPaused whether the account of the address is paused: the attempt fails, whatever the password
     */
    public record Admission(Optional<Duration> pause, boolean accountPaused) {
        public Admission {
            Objects.requireNonNull(pause, "pause");
        }
    }

    /** Admits an attempt to sign in with {@code address}, or not, and counts it until it succeeds. */
    @Transactional
    public Admission admit(String address) {
        Instant now = clock.instant();
        // Before any count is locked: two attempts forgetting the same old counts then wait for one another only.
        counts.forget(now.minus(SignInLimit.ADDRESS.memory()), now);
        String subject = addressSubject(address);
        SignInCount count = counts.lock(subject, now);
        Optional<Duration> pause = count.pauseLeft(now);
        if (pause.isPresent()) {
            return new Admission(pause, false);
        }
        counts.save(subject, count.afterFailure(SignInLimit.ADDRESS, now));
        boolean accountPaused = accountOf(address).flatMap(account -> counts.find(accountSubject(account)))
                .flatMap(accountCount -> accountCount.pauseLeft(now)).isPresent();
        return new Admission(Optional.empty(), accountPaused);
    }

    /** The attempt's password was right: the address's failures are forgotten. */
    @Transactional
    public void succeeded(String address) {
        counts.delete(addressSubject(address));
    }

    /** The attempt's password was wrong: the account of the address, if a user has it, counts the failure. */
    @Transactional
    public void failed(String address) {
        Optional<Long> account = accountOf(address);
        if (account.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String subject = accountSubject(account.get());
        SignInCount after = counts.lock(subject, now).afterFailure(SignInLimit.ACCOUNT, now);
        counts.save(subject, after);
        after.pauseLeft(now).ifPresent(pause -> LOG.warn("Sign-ins to account {} are paused for {} after {} failed"
                + " attempts within {}", account.get(), pause, SignInLimit.ACCOUNT.failures(),
                SignInLimit.ACCOUNT.window()));
    }

    private Optional<Long> accountOf(String address) {
        return users.findSignIn(address).map(signIn -> signIn.user().accountId());
    }

    private static String accountSubject(long accountId) {
        return "account:" + accountId;
    }

    /** The address as users are found by it (trimmed, in lower case), hashed. */
    private static String addressSubject(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "address:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
