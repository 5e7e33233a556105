package dev.janela.server.signin;

import dev.janela.server.account.SignInThrottle;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The sign-in form's check of a password, within the limits of {@link SignInThrottle}: an address that failed too
 * often waits, whatever the password; an attempt on a paused account fails as a wrong password does. Not a bean, so
 * that only the pages' chain uses it.
 */
class ThrottledSignIns implements AuthenticationProvider {
    private final SignInThrottle throttle;
    private final AuthenticationProvider passwords;

    ThrottledSignIns(SignInThrottle throttle, AuthenticationProvider passwords) {
        this.throttle = throttle;
        this.passwords = passwords;
    }

    /** An attempt refused before its password was checked; the page says how long to wait, in whole minutes. */
    static final class Paused extends AuthenticationException {
        private final Duration pause;

        Paused(Duration pause) {
            super("sign-in with this address is paused after too many failed attempts");
            this.pause = pause;
        }

        long minutes() {
            return Math.max(1, (pause.toSeconds() + 59) / 60);
        }
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getName();
        SignInThrottle.Admission admission = throttle.admit(address);
        if (admission.pause().isPresent()) {
            throw new Paused(admission.pause().get());
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            if (!admission.accountPaused()) {
                throttle.failed(address);
            }
            throw wrong;
        }
        if (admission.accountPaused()) {
            // Checked all the same, so that a paused account answers as slowly as any other.
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(address);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
