package dev.janela.server.sandbox;

import dev.janela.server.webhook.Deliveries;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customers' messages that no one at Meta sent: each is written as the webhook Meta would send, and applied through
 * {@link Deliveries}, the path signed webhooks take, so it opens windows and starts sessions exactly as a real one.
 */
@Component
public class InboundMessages {
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    InboundMessages(Deliveries deliveries, JsonMapper json) {
        this.deliveries = deliveries;
        this.json = json;
    }

    /**
     * A text from the customer {@code waId} (digits) to the channel, sent at {@code at}; returns its {@code wamid}.
     *
     * @param name the name the customer's profile shows
     */
    public String receive(String phoneNumberId, String waId, String name, String text, Instant at) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String wamid = "wamid.sandbox." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, Object> message = Map.of("from", waId, "id", wamid, "timestamp",
                Long.toString(at.getEpochSecond()), "type", "text", "text", Map.of("body", text));
        Map<String, Object> value = Map.of("messaging_product", "whatsapp",
                "metadata", Map.of("phone_number_id", phoneNumberId),
                "contacts", List.of(Map.of("profile", Map.of("name", name), "wa_id", waId)),
                "messages", List.of(message));
        Map<String, Object> payload = Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of(
                "id", "sandbox", "changes", List.of(Map.of("field", "messages", "value", value)))));
        deliveries.apply(json.valueToTree(payload));
        return wamid;
    }
}
