package dev.janela.bench.crash;

import dev.janela.bench.graph.WebhookBodies;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One delivery of Meta's webhooks: its body (the same bytes at every attempt, as Meta redelivers it), the customers'
 * messages it carries, and what each attempt got. Thread-safe.
 */
final class WebhookDelivery {
    /** A customer's text message: its id, the customer's {@code wa_id}, and the time the webhook gives it. */
    record Message(String wamid, String waId, Instant at) {
    }

    private final int number;
    private final byte[] body;
    private final List<Message> messages;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int attempts;
    private int unanswered;
    private Instant acknowledgedAt;

    private WebhookDelivery(int number, byte[] body, List<Message> messages) {
        this.number = number;
        this.body = body;
        this.messages = List.copyOf(messages);
    }

    /** The delivery numbered {@code number} of {@code messages} to the channel {@code phoneNumberId}. */
    static WebhookDelivery of(int number, String phoneNumberId, List<Message> messages) {
        StringJoiner contacts = new StringJoiner(",");
        StringJoiner items = new StringJoiner(",");
        for (Message message : messages) {
            contacts.add(WebhookBodies.contact(message.waId(), "Customer " + message.waId()));
            items.add(WebhookBodies.text(message.wamid(), message.waId(), message.at().getEpochSecond(),
                    "Message " + message.wamid()));
        }
        String body = WebhookBodies.delivery(phoneNumberId, "\"contacts\":[" + contacts + "],\"messages\":[" + items
                + "]");
        return new WebhookDelivery(number, body.getBytes(StandardCharsets.UTF_8), messages);
    }

    int number() {
        return number;
    }

    byte[] body() {
        return body;
    }

    List<Message> messages() {
        return messages;
    }

    synchronized void answered(int status, Instant at) {
        attempts++;
        statuses.merge(status, 1, Integer::sum);
        if (status == 200 && acknowledgedAt == null) {
            acknowledgedAt = at;
        }
    }

    synchronized void unanswered() {
        attempts++;
        unanswered++;
    }

    synchronized boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    /** When the suite first read a 200 for it. */
    synchronized Optional<Instant> acknowledgedAt() {
        return Optional.ofNullable(acknowledgedAt);
    }

    synchronized int attempts() {
        return attempts;
    }

    synchronized int unansweredAttempts() {
        return unanswered;
    }

    /** How many attempts got each status. */
    synchronized Map<Integer, Integer> statuses() {
        return new TreeMap<>(statuses);
    }
}
