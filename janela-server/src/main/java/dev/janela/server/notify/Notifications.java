package dev.janela.server.notify;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a change tells the business's systems of itself: {@link #publish} writes the event to the outbox, once for
 * each of the account's active subscriptions that wants it, in the transaction of the change. The event is then sent
 * only if that transaction commits, and is not lost if Janela stops before sending it.
 */
@Component
public class Notifications {
    private static final int EVENT_ID_BYTES = 18;

    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final DeliveryWorker worker;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Notifications(Subscriptions subscriptions, Outbox outbox, DeliveryWorker worker, JsonMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.worker = worker;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What a receiver is sent: the event's id (one per event and subscription, which a receiver keeps to ignore a
     * repeated delivery), its type, when Janela wrote it, the account, and the event's own data.
     */
    record Envelope(String id, String type, Instant createdAt, long accountId, Object data) {
    }

    /**
     * Writes an event for every subscription of the account that wants {@code type}; nothing if none does.
     *
     * @param channelId the channel the event happened on
     * @param data the event's own fields, written as JSON (snake_case, as the API's)
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction: an event is
     *     written with the change it tells of, or not at all
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(long accountId, long channelId, EventType type, Object data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        List<Long> wanting = subscriptions.wanting(accountId, type);
        if (wanting.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (long subscription : wanting) {
            String eventId = nextEventId();
            String body = json.writeValueAsString(new Envelope(eventId, type.wireName(), now, accountId, data));
            outbox.add(accountId, channelId, subscription, eventId, type, body, now);
        }
        worker.wakeAfterCommit();
    }

    private String nextEventId() {
        byte[] bytes = new byte[EVENT_ID_BYTES];
        random.nextBytes(bytes);
        return "evt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
