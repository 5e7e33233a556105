package dev.janela.server.notify;

import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Page;
import java.time.Instant;
import java.util.List;

/** Subscriptions and their deliveries as the API and the Webhooks page show them: never a subscription's secret. */
final class WebhookViews {
    private WebhookViews() {
    }

    /** A subscription as the API lists it: never its secret. */
    record SubscriptionView(long id, String url, List<String> events, boolean active, Instant createdAt,
            String createdBy) {
        static SubscriptionView of(Subscriptions.Subscription subscription) {
            return new SubscriptionView(subscription.id(), subscription.url(), subscription.eventNames(),
                    subscription.active(), subscription.createdAt(), subscription.createdBy());
        }
    }

    /** A subscription just made, with its secret: the only time it is shown. */
    record CreatedSubscription(long id, String url, List<String> events, boolean active, Instant createdAt,
            String createdBy, String secret) {
        static CreatedSubscription of(WebhookSubscriptions.Created created) {
            Subscriptions.Subscription made = created.subscription();
            return new CreatedSubscription(made.id(), made.url(), made.eventNames(), made.active(), made.createdAt(),
                    made.createdBy(), created.secret());
        }
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

    /** A page of a subscription's delivery log, newest first, and the cursor of the next; null after the last. */
    record DeliveryPage(List<DeliveryView> deliveries, String next) {
        static DeliveryPage of(Page<Outbox.Delivery> page) {
            return new DeliveryPage(page.items().stream().map(DeliveryView::of).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }
}
