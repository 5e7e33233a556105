package dev.janela.bench.crash;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One send through the Cloud API under one {@code Idempotency-Key}: the key, the request body (the same bytes at
 * every attempt, as a client retries), and every answer it got. Thread-safe.
 */
final class KeyedSend {
    enum Kind { TEMPLATE, FREE_FORM }

    /** An answer to one request of the key, with when the request left and when its answer was read. */
    record Response(int status, String body, Instant sentAt, Instant receivedAt) {
        /** Final: the send's outcome (200, or a 4xx refusal); 409 says the key is in flight, 5xx asks for a retry. */
        boolean isFinal() {
            return status == 200 || (status >= 400 && status < 500 && status != 409);
        }
    }

    private final String key;
    private final String waId;
    private final Kind kind;
    private final String body;
    private final List<Response> responses = new ArrayList<>();
    private Instant firstSentAt;
    private int requests;
    private int unanswered;

    KeyedSend(String key, String waId, Kind kind, String body) {
        this.key = key;
        this.waId = waId;
        this.kind = kind;
        this.body = body;
    }

    String key() {
        return key;
    }

    String waId() {
        return waId;
    }

    Kind kind() {
        return kind;
    }

    String body() {
        return body;
    }

    synchronized void sending(Instant at) {
        requests++;
        if (firstSentAt == null) {
            firstSentAt = at;
        }
    }

    synchronized void answered(Response response) {
        responses.add(response);
    }

    synchronized void unanswered() {
        unanswered++;
    }

    synchronized boolean isFinal() {
        return responses.stream().anyMatch(Response::isFinal);
    }

    /** The first final answer read, if any. */
    synchronized Optional<Response> firstFinal() {
        return responses.stream().filter(Response::isFinal).findFirst();
    }

    /** When the key's first request left: no decision for it can be earlier. */
    synchronized Instant firstSentAt() {
        return firstSentAt;
    }

    synchronized List<Response> responses() {
        return new ArrayList<>(responses);
    }

    synchronized int requests() {
        return requests;
    }

    synchronized int unansweredRequests() {
        return unanswered;
    }
}
