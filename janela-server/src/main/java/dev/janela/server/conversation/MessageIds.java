package dev.janela.server.conversation;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Ids for the messages Janela sends, in the form of Meta's ({@code wamid.} and a random part), given before any
 * connector is called. With Meta's connector, Meta's own id is recorded beside it once Meta answers, and Meta echoes
 * Janela's in {@code biz_opaque_callback_data}, so that a message whose answer was lost is still recognised.
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
