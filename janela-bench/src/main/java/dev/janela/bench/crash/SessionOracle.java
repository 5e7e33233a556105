package dev.janela.bench.crash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One conversation under the {@code session} model's rules R1-R9 (DESIGN.md section 2), written from the rules
 * alone and independent of janela-core's engine, so that the two can disagree. Events come in the order the server
 * decided them, with their own times: a late webhook is applied when it arrived, at its time (R9), as a live server
 * must, since what it answered before cannot be undone. Not thread-safe.
 */
final class SessionOracle {
    static final Duration WINDOW = Duration.ofHours(24);
    static final Duration REPLY_GRACE = Duration.ofHours(24);
    static final String USER_INITIATED = "user_initiated";
    static final String BUSINESS_INITIATED = "business_initiated";

    enum Kind { CUSTOMER, TEMPLATE, FREE_FORM }

    enum Status { ACTIVE, PENDING, ENDED }

    record Event(String id, Instant at, Kind kind) {
    }

    record Charge(String eventId, Instant at, String category) {
    }

    record Session(String type, Status status, Instant openedAt, String openedBy) {
    }

    private Instant expiry;
    private Session current;
    private final List<Charge> charges = new ArrayList<>();
    private final List<Event> sentOutsideWindow = new ArrayList<>();

    void apply(Event event) {
        Instant at = event.at();
        switch (event.kind()) {
            case CUSTOMER -> {
                Status status = current == null ? Status.ENDED : statusAt(current, at);
                if (status == Status.PENDING) {
                    current = new Session(current.type(), Status.ACTIVE, current.openedAt(), current.openedBy()); // R3
                } else if (status == Status.ENDED) {
                    open(new Session(USER_INITIATED, Status.ACTIVE, at, event.id()), at); // R1, R4
                }
                Instant until = at.plus(WINDOW); // R1-R3: opened or renewed, never shortened
                expiry = expiry == null || until.isAfter(expiry) ? until : expiry;
            }
            case TEMPLATE -> {
                if (!isOpenAt(at)) {
                    open(new Session(BUSINESS_INITIATED, Status.PENDING, at, event.id()), at); // R6; else R5
                }
            }
            case FREE_FORM -> {
                if (!isOpenAt(at)) {
                    sentOutsideWindow.add(event); // R8 refuses it: it should not have been stored; else R7
                }
            }
            default -> throw new IllegalArgumentException("unknown event kind " + event.kind());
        }
    }

    /** R9: open strictly before the expiry. */
    boolean isOpenAt(Instant at) {
        return expiry != null && at.isBefore(expiry);
    }

    Optional<Instant> expiry() {
        return Optional.ofNullable(expiry);
    }

    /** The current session, with its status as of {@code at}. */
    Optional<Session> sessionAt(Instant at) {
        return Optional.ofNullable(current).map(session -> new Session(session.type(), statusAt(session, at),
                session.openedAt(), session.openedBy()));
    }

    List<Charge> charges() {
        return List.copyOf(charges);
    }

    /** Free-form messages that were stored although the window was closed at their time. */
    List<Event> sentOutsideWindow() {
        return List.copyOf(sentOutsideWindow);
    }

    private void open(Session session, Instant at) {
        current = session;
        charges.add(new Charge(session.openedBy(), at, session.type()));
    }

    /** An active session ends with its window (R9); a pending one when its reply grace has passed (R4). */
    private Status statusAt(Session session, Instant at) {
        return switch (session.status()) {
            case ACTIVE -> isOpenAt(at) ? Status.ACTIVE : Status.ENDED;
            case PENDING -> at.isBefore(session.openedAt().plus(REPLY_GRACE)) ? Status.PENDING : Status.ENDED;
            case ENDED -> Status.ENDED;
        };
    }
}
