package dev.janela.server.notify;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.notify.WebhookViews.CreatedSubscription;
import dev.janela.server.notify.WebhookViews.SubscriptionView;
import dev.janela.server.web.Allowed;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/webhook-subscriptions}, for admins: the receivers the account's events are sent to
 * ({@link WebhookSubscriptions}). The secret is shown once, in the answer that makes the subscription.
 */
@RestController
class SubscriptionController {
    private final WebhookSubscriptions webhooks;
    private final Subscriptions subscriptions;

    SubscriptionController(WebhookSubscriptions webhooks, Subscriptions subscriptions) {
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
    }

    record SubscriptionList(List<SubscriptionView> webhookSubscriptions) {
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/webhook-subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedSubscription add(@RequestBody WebhookSubscriptions.NewSubscription request, Caller caller) {
        return CreatedSubscription.of(webhooks.add(caller, request));
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/api/webhook-subscriptions")
    SubscriptionList list(Caller caller) {
        return new SubscriptionList(subscriptions.list(caller.accountId()).stream().map(SubscriptionView::of)
                .toList());
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/api/webhook-subscriptions/{id}")
    SubscriptionView show(@PathVariable long id, Caller caller) {
        return SubscriptionView.of(webhooks.existing(caller, id));
    }

    /**
     * Changes the URL, the events, or whether it is active: an inactive subscription gets no new events, and those it
     * has wait until it is active again.
     */
    @Allowed({Role.ADMIN})
    @PatchMapping("/api/webhook-subscriptions/{id}")
    SubscriptionView change(@PathVariable long id, @RequestBody WebhookSubscriptions.SubscriptionChange request,
            Caller caller) {
        return SubscriptionView.of(webhooks.change(caller, id, request));
    }

    @Allowed({Role.ADMIN})
    @DeleteMapping("/api/webhook-subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Caller caller) {
        webhooks.delete(caller, id);
    }
}
