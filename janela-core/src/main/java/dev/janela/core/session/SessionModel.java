package dev.janela.core.session;

import dev.janela.core.conversation.BusinessMessage;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.TemplateMessage;
import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.PricingModel;
import dev.janela.core.pricing.PricingState;
import dev.janela.core.pricing.Rating;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Janela's default pricing model: a session starts with a charge, either when the customer writes and no session
 * is current (user-initiated), or when a template is sent with no window open (business-initiated, then pending
 * until the customer replies within the reply grace). Everything inside an open window is free. Immutable and
 * thread-safe.
 */
public final class SessionModel implements PricingModel<SessionState> {
    public static final String NAME = "session";

    private final Duration replyGrace;

    public SessionModel(Duration replyGrace) {
        this.replyGrace = Objects.requireNonNull(replyGrace, "replyGrace");
    }

    public SessionModel(SessionSettings settings) {
        this(settings.replyGrace());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Category> categories() {
        return List.of(Category.USER_INITIATED, Category.BUSINESS_INITIATED);
    }

    @Override
    public SessionState initialState() {
        return NoSession.INSTANCE;
    }

    @Override
    public SessionState takeOver(PricingState state) {
        // Another model's conversations are not sessions: the first event under this model decides afresh.
        return state instanceof SessionState session ? session : NoSession.INSTANCE;
    }

    @Override
    public Rating<SessionState> onCustomerMessage(SessionState state, CustomerMessage message, boolean windowOpen) {
        Session current = state instanceof Session session ? session : null;
        SessionStatus status = current == null ? SessionStatus.ENDED : statusAt(current, message.at(), windowOpen);
        if (status == SessionStatus.ACTIVE) {
            return Rating.none(state); // R2: the engine renews the window
        }
        if (status == SessionStatus.PENDING) {
            return Rating.none(current.withStatus(SessionStatus.ACTIVE)); // R3: the template paid for it
        }
        // R1, and R4: a pending session past the reply grace ends unanswered
        Session started = new Session(SessionType.USER_INITIATED, SessionStatus.ACTIVE, message.at(), message.id());
        return Rating.charged(started, Category.USER_INITIATED);
    }

    @Override
    public Rating<SessionState> onDelivered(SessionState state, BusinessMessage message, boolean windowOpen) {
        if (windowOpen || !(message instanceof TemplateMessage)) {
            return Rating.none(state); // R5, R7 (the engine refuses free-form outside the window: R8)
        }
        // R6: a previous pending session ends unanswered
        Session started = new Session(SessionType.BUSINESS_INITIATED, SessionStatus.PENDING, message.at(),
                message.id());
        return Rating.charged(started, Category.BUSINESS_INITIATED);
    }

    @Override
    public SessionState onFailedAfterAcceptance(SessionState state, String messageId) {
        // R11: the session the failed message opened ends. The customer's window is the platform's and stays as
        // it is; a customer message after this starts a new, charged session (R1), since this one was never paid.
        return current(state).filter(session -> session.openedBy().equals(messageId))
                .<SessionState>map(session -> session.withStatus(SessionStatus.ENDED))
                .orElse(state);
    }

    /**
     * The status at {@code at} of the session a conversation's state holds. An active session whose window has
     * closed is ended (R9); a pending session past its reply grace is ended, unanswered (R4).
     *
     * @param windowOpen whether the conversation's window is open at {@code at}
     */
    public SessionStatus statusAt(Session session, Instant at, boolean windowOpen) {
        return switch (session.status()) {
            case ACTIVE -> windowOpen ? SessionStatus.ACTIVE : SessionStatus.ENDED;
            case PENDING -> at.isBefore(session.openedAt().plus(replyGrace)) ? SessionStatus.PENDING
                    : SessionStatus.ENDED;
            case ENDED -> SessionStatus.ENDED;
        };
    }

    /** The session {@code state} holds, if any; none when it is another model's state. */
    public static Optional<Session> current(PricingState state) {
        return state instanceof Session session ? Optional.of(session) : Optional.empty();
    }
}
