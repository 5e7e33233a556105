package dev.janela.server.testfixtures;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/** Meta's {@code messages} webhook payloads, as the platform reference shows them, and their signatures. */
public final class Webhooks {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Webhooks() {
    }

    /** A customer's text message. */
    public static Map<String, Object> text(String wamid, String from, Instant at, String body) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("from", from);
        message.put("id", wamid);
        message.put("timestamp", Long.toString(at.getEpochSecond()));
        message.put("type", "text");
        message.put("text", Map.of("body", body));
        return message;
    }

    /**
     * A text from a customer who hides their number behind a username, as Meta sends it since 2026: no {@code from},
     * only their business-scoped user ID.
     */
    public static Map<String, Object> textFromBsuid(String wamid, String userId, Instant at, String body) {
        Map<String, Object> message = text(wamid, null, at, body);
        message.remove("from");
        message.put("from_user_id", userId);
        return message;
    }

    /** A delivery report for a message the business sent. */
    public static Map<String, Object> status(String wamid, String status, Instant at, String recipient) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", wamid);
        report.put("status", status);
        report.put("timestamp", Long.toString(at.getEpochSecond()));
        report.put("recipient_id", recipient);
        if (status.equals("failed")) {
            report.put("errors", List.of(Map.of("code", 131026, "title", "Message undeliverable")));
        }
        return report;
    }

    /** One delivery for one channel, holding {@code messages} and {@code statuses}. */
    public static String payload(String phoneNumberId, List<Map<String, Object>> messages,
            List<Map<String, Object>> statuses) {
        return payload(List.of(change(phoneNumberId, messages, statuses)));
    }

    /** One delivery holding several changes, each from {@link #change}, in one entry. */
    public static String payload(List<Map<String, Object>> changes) {
        Map<String, Object> entry = Map.of("id", "102290129340398", "changes", changes);
        return JSON.writeValueAsString(Map.of("object", "whatsapp_business_account", "entry", List.of(entry)));
    }

    public static Map<String, Object> change(String phoneNumberId, List<Map<String, Object>> messages,
            List<Map<String, Object>> statuses) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", "15550783881", "phone_number_id", phoneNumberId));
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (Map<String, Object> message : messages) {
            // Meta's contact names the customer as the message does: by number, by BSUID, or both.
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("profile", Map.of("name", "Customer " + message.getOrDefault("from",
                    message.get("from_user_id"))));
            if (message.containsKey("from")) {
                contact.put("wa_id", message.get("from"));
            }
            if (message.containsKey("from_user_id")) {
                contact.put("user_id", message.get("from_user_id"));
            }
            contacts.add(contact);
        }
        if (!contacts.isEmpty()) {
            value.put("contacts", contacts);
        }
        if (!messages.isEmpty()) {
            value.put("messages", messages);
        }
        if (!statuses.isEmpty()) {
            value.put("statuses", statuses);
        }
        return Map.of("field", "messages", "value", value);
    }

    /** {@code X-Hub-Signature-256} of {@code body}: {@code sha256=} and the hex HMAC-SHA256 with {@code secret}. */
    public static String signature(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder("sha256=");
            for (byte b : mac.doFinal(body)) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
