package dev.janela.server.inbox;

import dev.janela.core.session.SessionModel;
import java.time.Instant;
import java.util.Locale;

/**
 * A conversation as the inbox lists it, in the API and on its page: the customer, whether the window is open and
 * until when, the current session, the last message and who answers it.
 */
record ConversationView(CustomerView customer, boolean open, Instant windowExpiresAt, SessionView session,
        Inbox.LastMessage lastMessage, AssigneeView assignedTo) {
    record CustomerView(String waId, String name) {
    }

    record SessionView(String type, String status, Instant openedAt) {
    }

    record AssigneeView(long userId, String email) {
    }

    /** {@code row} as it is at {@code now}, its session's status read by {@code sessions}. */
    static ConversationView of(Inbox.Row row, Instant now, SessionModel sessions) {
        boolean open = row.windowExpiresAt().filter(now::isBefore).isPresent();
        SessionView session = row.session().map(current -> new SessionView(
                current.type().name().toLowerCase(Locale.ROOT),
                sessions.statusAt(current, now, open).wireName(), current.openedAt())).orElse(null);
        AssigneeView assignee = row.assignedUserId().map(id -> new AssigneeView(id, row.assignedEmail().orElse(null)))
                .orElse(null);
        return new ConversationView(new CustomerView(row.waId(), row.name()), open,
                row.windowExpiresAt().orElse(null), session, row.lastMessage().orElse(null), assignee);
    }
}
