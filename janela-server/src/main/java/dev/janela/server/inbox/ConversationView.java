package dev.janela.server.inbox;

import dev.janela.core.customer.Bsuid;
import dev.janela.core.session.SessionModel;
import dev.janela.server.conversation.CustomerIds;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A conversation as the inbox lists it, in the API and on its page: the customer, whether the window is open and
 * until when, the current session, the last message and who answers it.
 */
record ConversationView(CustomerView customer, boolean open, Instant windowExpiresAt, SessionView session,
        Inbox.LastMessage lastMessage, AssigneeView assignedTo) {
    /**
     * The customer: the handle their conversation is found by (the number's digits, else the BSUID), their number
     * ({@code wa_id}, absent for a customer who hides it behind a username), BSUID, username and profile name.
     */
    record CustomerView(String handle, String waId, String userId, String username, String name) {
        static CustomerView of(String handle, Optional<String> userId, Optional<String> username, String name) {
            return new CustomerView(handle, Bsuid.looksLikeOne(handle) ? null : handle,
                    userId.orElse(null), username.orElse(null), name);
        }

        /** How a person reads who the customer is, beside their name: the number, else the username or BSUID. */
        public String shown() {
            return CustomerIds.shown(handle, Optional.ofNullable(username));
        }
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
        return new ConversationView(CustomerView.of(row.handle(), row.userId(), row.username(), row.name()), open,
                row.windowExpiresAt().orElse(null), session, row.lastMessage().orElse(null), assignee);
    }
}
