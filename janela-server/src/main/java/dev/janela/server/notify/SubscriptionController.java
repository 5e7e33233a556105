package dev.janela.server.notify;

import dev.janela.server.account.Role;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/webhook-subscriptions}, for admins: the receivers the account's events are sent to, each with the
 * events it wants and a secret Janela makes to sign them. The secret is shown once, in the answer that makes the
 * subscription; deleting a subscription deletes its events, sent or not.
 */
@RestController
class SubscriptionController {
    private static final int MAX_URL = 2000;

    private final Subscriptions subscriptions;
    private final Outbox outbox;

    SubscriptionController(Subscriptions subscriptions, Outbox outbox) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    /**
     * A subscription to make.
     *
     * @param url where events are POSTed: http or https
     * @param events the event types it wants, such as {@code message.received}
     */
    record NewSubscription(String url, List<String> events) {
    }

    /** What to change of a subscription; what is left out stays as it is. */
    record SubscriptionChange(String url, List<String> events, Boolean active) {
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
        static CreatedSubscription of(Subscriptions.Subscription made, String secret) {
            return new CreatedSubscription(made.id(), made.url(), made.eventNames(), made.active(), made.createdAt(),
                    made.createdBy(), secret);
        }
    }

    record SubscriptionList(List<SubscriptionView> webhookSubscriptions) {
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/webhook-subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    CreatedSubscription add(@RequestBody NewSubscription request, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        List<FieldError> problems = new ArrayList<>();
        String url = checkUrl(request.url(), problems);
        List<EventType> events = checkEvents(request.events(), problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String secret = subscriptions.generateSecret();
        return CreatedSubscription.of(subscriptions.add(caller.accountId(), url, events, secret, caller.author()),
                secret);
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/api/webhook-subscriptions")
    SubscriptionList list(HttpServletRequest http) {
        return new SubscriptionList(subscriptions.list(Caller.of(http).accountId()).stream()
                .map(SubscriptionView::of).toList());
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/api/webhook-subscriptions/{id}")
    SubscriptionView show(@PathVariable long id, HttpServletRequest http) {
        return SubscriptionView.of(existing(Caller.of(http), id));
    }

    /**
     * Changes the URL, the events, or whether it is active: an inactive subscription gets no new events, and those it
     * has wait until it is active again.
     */
    @Allowed({Role.ADMIN})
    @PatchMapping("/api/webhook-subscriptions/{id}")
    @Transactional
    SubscriptionView change(@PathVariable long id, @RequestBody SubscriptionChange request, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        Subscriptions.Subscription subscription = existing(caller, id);
        List<FieldError> problems = new ArrayList<>();
        String url = request.url() == null ? subscription.url() : checkUrl(request.url(), problems);
        List<EventType> events = request.events() == null ? subscription.events()
                : checkEvents(request.events(), problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        subscriptions.update(id, url, events, Optional.ofNullable(request.active()).orElse(subscription.active()));
        return SubscriptionView.of(existing(caller, id));
    }

    @Allowed({Role.ADMIN})
    @DeleteMapping("/api/webhook-subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable long id, HttpServletRequest http) {
        existing(Caller.of(http), id);
        outbox.deleteOf(id);
        subscriptions.delete(id);
    }

    /** The caller's account's subscription {@code id}; 404 when there is none. */
    Subscriptions.Subscription existing(Caller caller, long id) {
        return subscriptions.find(caller.accountId(), id)
                .orElseThrow(() -> ApiException.notFound("webhook subscription " + id));
    }

    private static String checkUrl(String url, List<FieldError> problems) {
        String stripped = url == null ? "" : url.strip();
        Optional<String> problem = urlProblem(stripped);
        problem.ifPresent(message -> problems.add(new FieldError("url", message)));
        return stripped;
    }

    private static Optional<String> urlProblem(String url) {
        String expected = "an http or https URL such as https://example.com/janela-events";
        if (url.isEmpty() || url.length() > MAX_URL) {
            return Optional.of("is required: " + expected + ", up to " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException unreadable) {
            return Optional.of("is not " + expected + ": " + unreadable.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https").contains(scheme) || uri.getHost() == null) {
            return Optional.of("is not " + expected);
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("holds a user name or password, which every list of subscriptions would show;"
                    + " receivers check the signature instead");
        }
        if (uri.getFragment() != null) {
            return Optional.of("has a #fragment, which is never sent; leave it out");
        }
        return Optional.empty();
    }

    private static List<EventType> checkEvents(List<String> names, List<FieldError> problems) {
        String known = String.join(", ", EventType.NAMES);
        if (names == null || names.isEmpty()) {
            problems.add(new FieldError("events", "is required: one or more of " + known));
            return List.of();
        }
        List<String> unknown = names.stream().filter(name -> EventType.fromWireName(name).isEmpty())
                .map(name -> "'" + name + "'").toList();
        if (!unknown.isEmpty()) {
            problems.add(new FieldError("events", "unknown events " + String.join(", ", unknown) + "; expected"
                    + " one or more of " + known));
        }
        return names.stream().map(EventType::fromWireName).flatMap(Optional::stream).distinct().sorted().toList();
    }
}
