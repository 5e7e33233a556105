package dev.janela.server.webhook;

import dev.janela.core.JanelaException;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.operations.JanelaMetrics;
import dev.janela.server.operations.JanelaMetrics.Outcome;
import dev.janela.server.web.ApiErrorCode;
import dev.janela.server.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookSecrets secrets;
    private final Channels channels;
    private final ConversationService conversations;
    private final StatusUpdates statuses;
    private final JsonMapper json;
    private final JanelaMetrics metrics;

    WebhookController(WebhookSecrets secrets, Channels channels, ConversationService conversations,
            StatusUpdates statuses, JsonMapper json, JanelaMetrics metrics) {
        this.secrets = secrets;
        this.channels = channels;
        this.conversations = conversations;
        this.statuses = statuses;
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
            throw new ApiException(ApiErrorCode.UNAUTHENTICATED, "X-Hub-Signature-256 is missing or is not the"
                    + " signature of this body with the app secret");
        }
        metrics.webhookReceived();
        for (WebhookPayload.ChannelItems items : WebhookPayload.read(parse(payload))) {
            try {
                apply(items);
            } catch (JanelaException cannotApply) {
                // Meta delivers it again until it is answered 200: once the account is fixed, nothing is lost.
                LOG.warn("A webhook for phone_number_id {} was not applied, and Meta will deliver it again: {}",
                        items.phoneNumberId(), cannotApply.getMessage());
                throw cannotApply;
            }
        }
        return ResponseEntity.ok().build();
    }

    private void apply(WebhookPayload.ChannelItems items) {
        Optional<Channel> channel = channels.findByPhoneNumberId(items.phoneNumberId());
        if (channel.isEmpty()) {
            items.messages().forEach(message -> metrics.webhookItem("message", Outcome.UNKNOWN_CHANNEL));
            items.statuses().forEach(status -> metrics.webhookItem("status", Outcome.UNKNOWN_CHANNEL));
            LOG.warn("A webhook for phone_number_id {}, which no channel has, was ignored; add the channel with"
                    + " POST /api/channels", items.phoneNumberId());
            return;
        }
        for (WebhookPayload.Message message : items.messages()) {
            boolean applied = conversations.receive(channel.get(), new ConversationService.Inbound(message.wamid(),
                    message.waId(), message.at(), message.type(), message.text().orElse(null), message.referral(),
                    message.profileName()));
            metrics.webhookItem("message", applied ? Outcome.APPLIED : Outcome.DUPLICATE);
        }
        for (WebhookPayload.Status status : items.statuses()) {
            boolean applied = statuses.apply(channel.get(), status.wamid(), status.state(), status.at(),
                    status.errorCode());
            metrics.webhookItem("status", applied ? Outcome.APPLIED : Outcome.DUPLICATE);
        }
    }

    private JsonNode parse(byte[] payload) {
        try {
            JsonNode tree = json.readTree(payload);
            if (tree == null || !tree.isObject()) {
                throw new ApiException(ApiErrorCode.INVALID_REQUEST, "a webhook body must be a JSON object");
            }
            return tree;
        } catch (JacksonException malformed) {
            throw new ApiException(ApiErrorCode.INVALID_REQUEST, "the webhook body is not valid JSON");
        }
    }
}
