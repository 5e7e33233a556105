package dev.janela.server.sandbox;

import dev.janela.server.webhook.Deliveries;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * Who writes, as Meta's webhook names them: a number (absent for a customer who hides it behind a username), a
     * business-scoped user ID, a username and the profile's name.
     */
    public record Sender(Optional<String> waId, Optional<String> userId, Optional<String> username, String name) {
        /** A customer known by their number {@code waId} (digits). */
        public static Sender phone(String waId, String name) {
            return new Sender(Optional.of(waId), Optional.empty(), Optional.empty(), name);
        }
    }

    /** A text from {@code sender} to the channel, sent at {@code at}; returns its {@code wamid}. */
    public String receive(String phoneNumberId, Sender sender, String text, Instant at) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String wamid = "wamid.sandbox." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, Object> message = new LinkedHashMap<>();
        sender.waId().ifPresent(waId -> message.put("from", waId));
        sender.userId().ifPresent(userId -> message.put("from_user_id", userId));
        message.putAll(Map.of("id", wamid, "timestamp", Long.toString(at.getEpochSecond()), "type", "text", "text",
                Map.of("body", text)));
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", sender.name());
        sender.username().ifPresent(username -> profile.put("username", username));
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("profile", profile);
        sender.waId().ifPresent(waId -> contact.put("wa_id", waId));
        sender.userId().ifPresent(userId -> contact.put("user_id", userId));
        Map<String, Object> value = Map.of("messaging_product", "whatsapp",
                "metadata", Map.of("phone_number_id", phoneNumberId),
                "contacts", List.of(contact),
                "messages", List.of(message));
        Map<String, Object> payload = Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of(
                "id", "sandbox", "changes", List.of(Map.of("field", "messages", "value", value)))));
        deliveries.apply(json.valueToTree(payload));
        return wamid;
    }
}
