package dev.janela.server.webhook;

import dev.janela.server.operations.JanelaMetrics;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /webhooks/whatsapp}: where Meta's webhooks point. A delivery is answered 200 only once every item in it is
 * committed, so that Meta sends it again if anything failed; an item already applied changes nothing.
 */
@RestController
class WebhookController {
    private final WebhookSecrets secrets;
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final JanelaMetrics metrics;

    WebhookController(WebhookSecrets secrets, Deliveries deliveries, JsonMapper json, JanelaMetrics metrics) {
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.json = json;
        this.metrics = metrics;
    }

    /** The subscription handshake: echo {@code hub.challenge} when {@code hub.verify_token} is Janela's. */
    @GetMapping("/webhooks/whatsapp")
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

    @PostMapping("/webhooks/whatsapp")
    ResponseEntity<Void> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) {
        byte[] payload = body == null ? new byte[0] : body;
        if (!Signatures.isValid(signature, payload, secrets.appSecret())) {
            throw new Refusal(Reason.UNAUTHENTICATED, "X-Hub-Signature-256 is missing or is not the"
                    + " signature of this body with the app secret");
        }
        metrics.webhookReceived();
        deliveries.apply(parse(payload));
        return ResponseEntity.ok().build();
    }

    private JsonNode parse(byte[] payload) {
        try {
            JsonNode tree = json.readTree(payload);
            if (tree == null || !tree.isObject()) {
                throw new Refusal(Reason.INVALID_REQUEST, "a webhook body must be a JSON object");
            }
            return tree;
        } catch (JacksonException malformed) {
            throw new Refusal(Reason.INVALID_REQUEST, "the webhook body is not valid JSON");
        }
    }
}
