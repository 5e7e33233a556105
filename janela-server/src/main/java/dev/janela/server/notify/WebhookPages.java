package dev.janela.server.notify;

import dev.janela.server.account.Role;
import dev.janela.server.ui.PageChanges;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /webhook-subscriptions}, for admins: the account's receivers, adding one (its secret shown on the answer,
 * once), pausing and deleting one, and a receiver's delivery log with a way to send an event again. Every change
 * goes through the API's own method, so the page refuses what the API refuses, and says why.
 */
@WebPages
class WebhookPages {
    private final SubscriptionController subscriptions;
    private final DeliveryController deliveries;

    WebhookPages(SubscriptionController subscriptions, DeliveryController deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/webhook-subscriptions")
    String subscriptions(HttpServletRequest request, Model model) {
        model.addAttribute("subscriptions", subscriptions.list(request).webhookSubscriptions());
        model.addAttribute("eventTypes", EventType.NAMES);
        return "webhooks";
    }

    /** Adds a receiver; the answer shows its secret, the only time it is shown. */
    @Allowed({Role.ADMIN})
    @PostMapping("/webhook-subscriptions")
    String add(@RequestParam(defaultValue = "") String url, @RequestParam(required = false) List<String> events,
            HttpServletRequest request, Model model) {
        SubscriptionController.NewSubscription asked = new SubscriptionController.NewSubscription(url,
                events == null ? List.of() : events);
        try {
            model.addAttribute("created", subscriptions.add(asked, request));
        } catch (ApiException refusal) {
            model.addAttribute("refusal", refusal);
            model.addAttribute("form", asked);
        }
        return subscriptions(request, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/webhook-subscriptions/{id}/active")
    String activate(@PathVariable long id, @RequestParam boolean active, HttpServletRequest request, Model model) {
        return PageChanges.attempt(() -> subscriptions.change(id, new SubscriptionController.SubscriptionChange(null,
                null, active), request), "/webhook-subscriptions", model, () -> subscriptions(request, model));
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/webhook-subscriptions/{id}/delete")
    String delete(@PathVariable long id, HttpServletRequest request, Model model) {
        return PageChanges.attempt(() -> subscriptions.delete(id, request), "/webhook-subscriptions", model,
                () -> subscriptions(request, model));
    }

    /** A receiver's delivery log, newest first; {@code cursor} is the previous page's {@code next}. */
    @Allowed({Role.ADMIN})
    @GetMapping("/webhook-subscriptions/{id}")
    String deliveries(@PathVariable long id, @RequestParam(required = false) String cursor,
            HttpServletRequest request, Model model) {
        model.addAttribute("subscription", subscriptions.show(id, request));
        model.addAttribute("page", deliveries.deliveries(id, cursor, null, request));
        return "webhook-deliveries";
    }

    /** Sends an event again, then back to its receiver's log. */
    @Allowed({Role.ADMIN})
    @PostMapping("/webhook-deliveries/{eventId}/redeliver")
    String redeliver(@PathVariable String eventId, HttpServletRequest request) {
        DeliveryController.DeliveryView delivery = deliveries.redeliver(eventId, request);
        return "redirect:/webhook-subscriptions/" + delivery.subscriptionId();
    }
}
