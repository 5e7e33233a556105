package dev.janela.server.notify;

import dev.janela.server.account.Role;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.Caller;
import dev.janela.server.web.Cursor;
import dev.janela.server.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery log of a subscription, newest first ({@code limit}, and {@code cursor} = the page's {@code next}),
 * and, for an event a receiver lost or never took, its redelivery: due again at once, under the same event id, so
 * that a receiver that did take it knows it for a repeat.
 */
@RestController
class DeliveryController {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final SubscriptionController subscriptions;
    private final Outbox outbox;
    private final DeliveryWorker worker;
    private final Clock clock;

    DeliveryController(SubscriptionController subscriptions, Outbox outbox, DeliveryWorker worker, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.worker = worker;
        this.clock = clock;
    }

    /**
     * An event's delivery to the subscription.
     *
     * @param subscriptionId the subscription it is sent to
     * @param state {@code pending}, {@code delivered} or {@code failed}
     * @param nextAttemptAt when it is tried next, while pending
     * @param lastError why the last attempt failed: {@code HTTP 500}, or what went wrong ({@code ConnectException})
     */
    record DeliveryView(String eventId, long subscriptionId, String type, String state, int attempts,
            Instant lastAttemptAt, Instant nextAttemptAt, String lastError, Instant deliveredAt, Instant createdAt) {
        static DeliveryView of(Outbox.Delivery delivery) {
            return new DeliveryView(delivery.eventId(), delivery.subscriptionId(), delivery.type().wireName(),
                    delivery.state().wireName(),
                    delivery.attempts(), delivery.lastAttemptAt().orElse(null),
                    delivery.nextAttemptAt().orElse(null), delivery.lastError().orElse(null),
                    delivery.deliveredAt().orElse(null), delivery.createdAt());
        }
    }

    record DeliveryPage(List<DeliveryView> deliveries, String next) {
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/api/webhook-subscriptions/{id}/deliveries")
    DeliveryPage deliveries(@PathVariable long id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, HttpServletRequest http) {
        subscriptions.existing(Caller.of(http), id);
        int size = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        List<Outbox.Delivery> rows = outbox.page(id, Cursor.decode(cursor), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Outbox.Delivery last = rows.get(size - 1);
            next = new Cursor(last.createdAt(), last.id()).encode();
        }
        return new DeliveryPage(rows.stream().map(DeliveryView::of).toList(), next);
    }

    /** Makes an event due again now, whatever its state, with its attempts counted afresh. */
    @Allowed({Role.ADMIN})
    @PostMapping("/api/webhook-deliveries/{eventId}/redeliver")
    @Transactional
    DeliveryView redeliver(@PathVariable String eventId, HttpServletRequest http) {
        long account = Caller.of(http).accountId();
        Outbox.Delivery delivery = outbox.find(account, eventId)
                .orElseThrow(() -> ApiException.notFound("webhook event " + eventId));
        outbox.redeliver(delivery.id(), clock.instant());
        worker.wakeAfterCommit();
        return DeliveryView.of(outbox.find(account, eventId).orElseThrow());
    }
}
