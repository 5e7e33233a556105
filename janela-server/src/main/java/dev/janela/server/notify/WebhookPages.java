package dev.janela.server.notify;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.notify.WebhookViews.CreatedSubscription;
import dev.janela.server.notify.WebhookViews.DeliveryPage;
import dev.janela.server.notify.WebhookViews.SubscriptionView;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.ui.PageChanges;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /webhook-subscriptions}, for admins: the account's receivers, adding one (its secret shown on the answer,
 * once), pausing and deleting one, and a receiver's delivery log with a way to send an event again. Every change
 * is the API's own use case ({@link WebhookSubscriptions}), so the page refuses what the API refuses, and says why.
 */
@WebPages
class WebhookPages {
    private final WebhookSubscriptions webhooks;
    private final Subscriptions subscriptions;

    WebhookPages(WebhookSubscriptions webhooks, Subscriptions subscriptions) {
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/webhook-subscriptions")
    String subscriptions(Caller caller, Model model) {
        model.addAttribute("subscriptions", subscriptions.list(caller.accountId()).stream()
                .map(SubscriptionView::of).toList());
        model.addAttribute("eventTypes", EventType.NAMES);
        return "webhooks";
    }

    /** Adds a receiver; the answer shows its secret, the only time it is shown. */
    @Allowed({Role.ADMIN})
    @PostMapping("/webhook-subscriptions")
    String add(@RequestParam(defaultValue = "") String url, @RequestParam(required = false) List<String> events,
            Caller caller, Model model) {
        WebhookSubscriptions.NewSubscription asked = new WebhookSubscriptions.NewSubscription(url,
                events == null ? List.of() : events);
        try {
            model.addAttribute("created", CreatedSubscription.of(webhooks.add(caller, asked)));
        } catch (Refusal refusal) {
            model.addAttribute("refusal", refusal);
            model.addAttribute("form", asked);
        }
        return subscriptions(caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/webhook-subscriptions/{id}/active")
    String activate(@PathVariable long id, @RequestParam boolean active, Caller caller, Model model) {
        return PageChanges.attempt(() -> webhooks.change(caller, id, new WebhookSubscriptions.SubscriptionChange(null,
                null, active)), "/webhook-subscriptions", model, () -> subscriptions(caller, model));
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/webhook-subscriptions/{id}/delete")
    String delete(@PathVariable long id, Caller caller, Model model) {
        return PageChanges.attempt(() -> webhooks.delete(caller, id), "/webhook-subscriptions", model,
                () -> subscriptions(caller, model));
    }

    /** A receiver's delivery log, newest first; {@code cursor} is the previous page's {@code next}. */
    @Allowed({Role.ADMIN})
    @GetMapping("/webhook-subscriptions/{id}")
    String deliveries(@PathVariable long id, @RequestParam(required = false) String cursor, Caller caller,
            Model model) {
        model.addAttribute("subscription", SubscriptionView.of(webhooks.existing(caller, id)));
        model.addAttribute("page", DeliveryPage.of(webhooks.deliveries(caller, id, cursor, null)));
        return "webhook-deliveries";
    }

    /** Sends an event again, then back to its receiver's log. */
    @Allowed({Role.ADMIN})
    @PostMapping("/webhook-deliveries/{eventId}/redeliver")
    String redeliver(@PathVariable String eventId, Caller caller) {
        return "redirect:/webhook-subscriptions/" + webhooks.redeliver(caller, eventId).subscriptionId();
    }
}
