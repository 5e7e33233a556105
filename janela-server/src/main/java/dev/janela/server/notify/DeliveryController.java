package dev.janela.server.notify;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.notify.WebhookViews.DeliveryPage;
import dev.janela.server.notify.WebhookViews.DeliveryView;
import dev.janela.server.web.Allowed;
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
    private final WebhookSubscriptions webhooks;

    DeliveryController(WebhookSubscriptions webhooks) {
        this.webhooks = webhooks;
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/api/webhook-subscriptions/{id}/deliveries")
    DeliveryPage deliveries(@PathVariable long id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, Caller caller) {
        return DeliveryPage.of(webhooks.deliveries(caller, id, cursor, limit));
    }

    /** Makes an event due again now, whatever its state, with its attempts counted afresh. */
    @Allowed({Role.ADMIN})
    @PostMapping("/api/webhook-deliveries/{eventId}/redeliver")
    DeliveryView redeliver(@PathVariable String eventId, Caller caller) {
        return DeliveryView.of(webhooks.redeliver(caller, eventId));
    }
}
