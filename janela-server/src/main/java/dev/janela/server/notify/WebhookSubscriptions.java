package dev.janela.server.notify;

import dev.janela.server.access.Caller;
import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Page;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Fields;
import dev.janela.server.refusal.Refusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receivers an account's events go to, as its admins set them up: each with the events it wants and a secret
 * Janela makes to sign them, shown once; and each receiver's delivery log, from which an event is sent again.
 * Deleting a subscription deletes its events, sent or not.
 */
@Service
class WebhookSubscriptions {
    private static final int MAX_URL = 2000;
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final DeliveryWorker worker;
    private final Clock clock;

    WebhookSubscriptions(Subscriptions subscriptions, Outbox outbox, DeliveryWorker worker, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.worker = worker;
        this.clock = clock;
    }

    /**
     * A subscription to make.
     *
     * @param url where events are POSTed: http or https
     * @param events the event types it wants, such as {@code message.received}
     */
    record NewSubscription(String url, List<String> events) {
    }

    /** What to change of a subscription; what is left out (null) stays as it is. */
    record SubscriptionChange(String url, List<String> events, Boolean active) {
    }

    /** A subscription just made, with its secret: the only time it is shown. */
    record Created(Subscriptions.Subscription subscription, String secret) {
    }

    @Transactional
    public Created add(Caller caller, NewSubscription request) {
        List<FieldError> problems = new ArrayList<>();
        String url = checkUrl(request.url(), problems);
        List<EventType> events = checkEvents(request.events(), problems);
        Refusal.requireNone(problems);
        String secret = subscriptions.generateSecret();
        return new Created(subscriptions.add(caller.accountId(), url, events, secret, caller.author()), secret);
    }

    /** The caller's account's subscription {@code id}; 404 when there is none. */
    public Subscriptions.Subscription existing(Caller caller, long id) {
        return subscriptions.find(caller.accountId(), id)
                .orElseThrow(() -> Refusal.notFound("webhook subscription " + id));
    }

    /**
     * Changes the URL, the events, or whether it is active: an inactive subscription gets no new events, and those it
     * has wait until it is active again.
     */
    @Transactional
    public Subscriptions.Subscription change(Caller caller, long id, SubscriptionChange request) {
        Subscriptions.Subscription subscription = existing(caller, id);
        List<FieldError> problems = new ArrayList<>();
        String url = request.url() == null ? subscription.url() : checkUrl(request.url(), problems);
        List<EventType> events = request.events() == null ? subscription.events()
                : checkEvents(request.events(), problems);
        Refusal.requireNone(problems);
        subscriptions.update(id, url, events, Optional.ofNullable(request.active()).orElse(subscription.active()));
        return existing(caller, id);
    }

    @Transactional
    public void delete(Caller caller, long id) {
        existing(caller, id);
        outbox.deleteOf(id);
        subscriptions.delete(id);
    }

    /**
     * A page of the subscription's delivery log, newest first.
     *
     * @param cursor where the previous page ended, as it gave it; null for the first page
     * @param limit how many a page holds, 50 unless given
     */
    public Page<Outbox.Delivery> deliveries(Caller caller, long id, String cursor, Integer limit) {
        existing(caller, id);
        int size = Fields.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        return Page.of(outbox.page(id, Cursor.decode(cursor), size + 1), size,
                delivery -> new Cursor(delivery.createdAt(), delivery.id()));
    }

    /**
     * Makes an event due again now, whatever its state, with its attempts counted afresh: under the same event id,
     * so that a receiver that did take it knows it for a repeat.
     */
    @Transactional
    public Outbox.Delivery redeliver(Caller caller, String eventId) {
        Outbox.Delivery delivery = outbox.find(caller.accountId(), eventId)
                .orElseThrow(() -> Refusal.notFound("webhook event " + eventId));
        outbox.redeliver(delivery.id(), clock.instant());
        worker.wakeAfterCommit();
        return outbox.find(caller.accountId(), eventId).orElseThrow();
    }

    private static String checkUrl(String url, List<FieldError> problems) {
        String stripped = url == null ? "" : url.strip();
        Optional<String> problem = urlProblem(stripped);
        problem.ifPresent(message -> problems.add(new FieldError("url", message)));
        return stripped;
    }

    private static Optional<String> urlProblem(String url) {
        String expected = "an http or https URL such as https://example.com/janela-events";
        if (url.isEmpty()) {
            return Optional.of("is required: " + expected + ", up to " + MAX_URL + " characters");
        }
        if (url.length() > MAX_URL) {
            return Optional.of("has " + url.length() + " characters; at most " + MAX_URL);
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
