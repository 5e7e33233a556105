package dev.janela.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /webhooks/whatsapp}: the handshake by which Meta subscribes Janela to a number's webhooks. The deliveries
 * themselves ({@code POST}) are answered by {@link WebhookReceiver}, in front of the web stack.
 */
@RestController
class WebhookController {
    private final WebhookSecrets secrets;

    WebhookController(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    /** The subscription handshake: echo {@code hub.challenge} when {@code hub.verify_token} is Janela's. */
    @GetMapping(WebhookReceiver.PATH)
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        boolean matches = token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                secrets.verifyToken().getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !matches || challenge == null) {
            return ResponseEntity.status(403).contentType(MediaType.TEXT_PLAIN).body("verification failed");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }
}
