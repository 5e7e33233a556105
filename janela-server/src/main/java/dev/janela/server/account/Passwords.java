package dev.janela.server.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Users' passwords: checked against a minimum, hashed with bcrypt (a salted, deliberately slow hash), never kept or
 * shown in clear. A password Janela makes for a user is shown once, to the admin who added them.
 */
@Component
public class Passwords {
    /** NIST's minimum for passwords people choose is 8; Janela asks for 12. */
    static final int MIN_LENGTH = 12;
    /** bcrypt reads no more than 72 bytes of a password; a longer one would be silently cut. */
    static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final SecureRandom random = new SecureRandom();

    /** What is wrong with {@code password}, if anything. */
    public Optional<String> problem(String password) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must have at most " + MAX_BYTES + " bytes in UTF-8");
        }
        return Optional.empty();
    }

    public String hash(String password) {
        return bcrypt.encode(password);
    }

    public boolean matches(String password, String hash) {
        return bcrypt.matches(password, hash);
    }

    /** A new random password of 24 characters. */
    public String generate() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
