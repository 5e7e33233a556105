package dev.janela.server.message;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Ids for the messages Janela sends, in the form of Meta's ({@code wamid.} and a random part). With the sandbox
 * connector they are the messages' ids; with Meta's, Meta's own id replaces them once Meta answers.
 */
@Component
public class MessageIds {
    private static final int RANDOM_BYTES = 24;
    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return "wamid." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
