package dev.janela.bench.crash;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server answered against what it stored. Every message of a delivery answered 200 is stored exactly once,
 * as delivered; every stored inbound message is one some acknowledged delivery carried. Every key got a final answer
 * and never another one; every send answered 200 is stored exactly once, as asked, at a time within its requests;
 * every stored outbound message is one an answer named; a 131047 refusal came while the window may have been closed.
 */
final class AnswerAudit {
    private static final Pattern ANSWERED_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern META_CODE = Pattern.compile("\"code\"\\s*:\\s*([0-9]+)");
    private static final int REENGAGEMENT = 131047;

    private final ServerView view;
    private final Violations violations;
    private final Map<String, List<ServerView.StoredMessage>> byWamid = new HashMap<>();

    AnswerAudit(ServerView view, Violations violations) {
        this.view = view;
        this.violations = violations;
        view.messages().values().forEach(messages -> messages.forEach(message ->
                byWamid.computeIfAbsent(message.wamid(), any -> new ArrayList<>()).add(message)));
    }

    /** Checks every delivery's messages against what is stored, and every stored inbound message. */
    void webhooks(List<WebhookDelivery> deliveries) {
        Set<String> told = new HashSet<>();
        for (WebhookDelivery delivery : deliveries) {
            if (!delivery.isAcknowledged()) {
                violations.add("delivery never acknowledged", "delivery " + delivery.number() + " ("
                        + delivery.messages().get(0).wamid() + "): " + delivery.attempts() + " attempts, statuses "
                        + delivery.statuses() + ", " + delivery.unansweredAttempts() + " unanswered");
                continue;
            }
            for (WebhookDelivery.Message message : delivery.messages()) {
                told.add(message.wamid());
                storedOnce(message.wamid(), "acknowledged message", "in", message.waId(), message.at());
            }
        }
        view.messages().values().forEach(messages -> messages.stream().filter(ServerView.StoredMessage::isInbound)
                .filter(message -> !told.contains(message.wamid()))
                .forEach(message -> violations.add("inbound message stored that no acknowledged delivery carried",
                        message.wamid() + " of " + message.waId())));
    }

    /** Checks every key's answers, and the messages its 200 named. */
    void sends(List<KeyedSend> sends, List<WebhookDelivery> deliveries) {
        Set<String> named = new HashSet<>();
        for (KeyedSend send : sends) {
            Optional<KeyedSend.Response> first = send.firstFinal();
            if (first.isEmpty()) {
                violations.add("key never answered", send.key() + ": " + send.requests() + " requests, "
                        + send.unansweredRequests() + " unanswered, statuses " + statuses(send));
                continue;
            }
            sameAnswers(send, first.get());
            if (first.get().status() == 200) {
                Matcher id = ANSWERED_ID.matcher(first.get().body());
                if (!id.find()) {
                    violations.add("send answered 200 without a message id", send.key() + ": "
                            + Json.abbreviated(first.get().body()));
                    continue;
                }
                named.add(id.group(1));
                Optional<ServerView.StoredMessage> stored = storedOnce(id.group(1), "answered send", "out",
                        send.waId(), null);
                stored.ifPresent(message -> sentAsAsked(send, first.get(), message));
            } else {
                refused(send, first.get(), deliveries);
            }
        }
        view.messages().values().forEach(messages -> messages.stream().filter(message -> !message.isInbound())
                .filter(message -> !named.contains(message.wamid()))
                .forEach(message -> violations.add("outbound message stored that no answer named",
                        message.wamid() + " to " + message.waId())));
    }

    /** One answer per key: every final answer after the first is the same, byte for byte. */
    private void sameAnswers(KeyedSend send, KeyedSend.Response first) {
        for (KeyedSend.Response response : send.responses()) {
            if (response.isFinal() && (response.status() != first.status() || !response.body().equals(first.body()))) {
                violations.add("key answered differently", send.key() + ": first " + first.status() + " "
                        + Json.abbreviated(first.body()) + ", then " + response.status() + " "
                        + Json.abbreviated(response.body()));
            }
        }
    }

    private void sentAsAsked(KeyedSend send, KeyedSend.Response answer, ServerView.StoredMessage message) {
        String type = send.kind() == KeyedSend.Kind.TEMPLATE ? "template" : "text";
        if (!message.type().equals(type)) {
            violations.add("send stored otherwise than asked", send.key() + ": " + message.wamid() + " is a "
                    + message.type() + ", asked a " + type);
        }
        if (message.at().isBefore(send.firstSentAt()) || message.at().isAfter(answer.receivedAt())) {
            violations.add("send stored at a time outside its requests", send.key() + ": " + message.wamid()
                    + " at " + message.at() + ", requests from " + send.firstSentAt() + " to "
                    + answer.receivedAt());
        }
    }

    /**
     * A refusal must be one the rules give. 131047 says the window was closed when the server decided, which was
     * after the key's first request left: a message whose delivery had been acknowledged by then kept the window
     * open until its time plus 24 hours, so a refusal read before that is wrong.
     */
    private void refused(KeyedSend send, KeyedSend.Response answer, List<WebhookDelivery> deliveries) {
        Matcher code = META_CODE.matcher(answer.body());
        if (answer.status() != 400 || !code.find() || Integer.parseInt(code.group(1)) != REENGAGEMENT
                || send.kind() != KeyedSend.Kind.FREE_FORM) {
            violations.add("unexpected refusal", send.key() + " (" + send.kind() + "): " + answer.status() + " "
                    + Json.abbreviated(answer.body()));
            return;
        }
        Instant openUntil = Instant.MIN;
        for (WebhookDelivery delivery : deliveries) {
            Optional<Instant> acknowledged = delivery.acknowledgedAt();
            if (acknowledged.isEmpty() || !acknowledged.get().isBefore(send.firstSentAt())) {
                continue;
            }
            for (WebhookDelivery.Message message : delivery.messages()) {
                Instant until = message.at().plus(SessionOracle.WINDOW);
                if (message.waId().equals(send.waId()) && until.isAfter(openUntil)) {
                    openUntil = until;
                }
            }
        }
        if (openUntil.isAfter(answer.receivedAt())) {
            violations.add("refused 131047 while the window was open", send.key() + " to " + send.waId()
                    + ": refused by " + answer.receivedAt() + ", window open until at least " + openUntil);
        }
    }

    /** The one stored message {@code wamid}, if it is stored exactly once, as expected. */
    private Optional<ServerView.StoredMessage> storedOnce(String wamid, String what, String direction, String waId,
            Instant at) {
        List<ServerView.StoredMessage> stored = byWamid.getOrDefault(wamid, List.of());
        if (stored.size() != 1) {
            violations.add(what + " stored " + (stored.isEmpty() ? "nowhere" : stored.size() + " times"),
                    wamid + " of " + waId);
            return Optional.empty();
        }
        ServerView.StoredMessage message = stored.get(0);
        if (!message.direction().equals(direction) || !message.waId().equals(waId)
                || (at != null && !message.at().equals(at))) {
            violations.add(what + " stored otherwise", wamid + ": stored " + message.direction() + " of "
                    + message.waId() + " at " + message.at() + "; expected " + direction + " of " + waId
                    + (at == null ? "" : " at " + at));
        }
        return Optional.of(message);
    }

    private static Map<Integer, Integer> statuses(KeyedSend send) {
        Map<Integer, Integer> statuses = new HashMap<>();
        send.responses().forEach(response -> statuses.merge(response.status(), 1, Integer::sum));
        return statuses;
    }
}
