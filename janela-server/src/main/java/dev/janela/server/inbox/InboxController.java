package dev.janela.server.inbox;

import dev.janela.core.phone.E164;
import dev.janela.server.account.Role;
import dev.janela.server.account.Users;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.Engines;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import dev.janela.server.web.Cursor;
import dev.janela.server.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/channels/{phone_number_id}/conversations}: the shared inbox of a channel. Conversations newest first,
 * filtered ({@code filter=open|mine|unassigned}, {@code q=} a number or a name), each with its customer, last
 * message, session and window; a conversation's messages; who answers it; and the team's notes on it.
 */
@RestController
class InboxController {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    private static final int MAX_NOTE = 4_000;

    private final Inbox inbox;
    private final Channels channels;
    private final Users users;
    private final Engines engines;
    private final Clock clock;

    InboxController(Inbox inbox, Channels channels, Users users, Engines engines, Clock clock) {
        this.inbox = inbox;
        this.channels = channels;
        this.users = users;
        this.engines = engines;
        this.clock = clock;
    }

    record CustomerView(String waId, String name) {
    }

    record SessionView(String type, String status, Instant openedAt) {
    }

    record AssigneeView(long userId, String email) {
    }

    record ConversationView(CustomerView customer, boolean open, Instant windowExpiresAt, SessionView session,
            Inbox.LastMessage lastMessage, AssigneeView assignedTo) {
    }

    record ConversationPage(List<ConversationView> conversations, String next) {
    }

    record MessagePage(List<Inbox.Message> messages, Long next) {
    }

    record Assignment(Long userId) {
    }

    record AssignmentView(AssigneeView assignedTo) {
    }

    record NewNote(String text) {
    }

    record NoteList(List<Inbox.Note> notes) {
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/api/channels/{phoneNumberId}/conversations")
    ConversationPage conversations(@PathVariable String phoneNumberId,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
            HttpServletRequest http) {
        Caller caller = Caller.of(http);
        Channel channel = channel(caller, phoneNumberId);
        String chosen = filter == null || filter.isBlank() ? "all" : filter;
        if (!List.of("all", "open", "mine", "unassigned").contains(chosen)) {
            throw ApiException.invalid(List.of(new FieldError("filter", "is all, open, mine or unassigned")));
        }
        if (chosen.equals("mine") && caller.userId().isEmpty()) {
            throw ApiException.invalid(List.of(new FieldError("filter", "mine needs a user's token; this is an"
                    + " integration's")));
        }
        Inbox.Filter query = new Inbox.Filter(chosen.equals("open"),
                chosen.equals("mine") ? caller.userId() : Optional.empty(), chosen.equals("unassigned"),
                Optional.ofNullable(q).map(String::strip).filter(text -> !text.isEmpty())
                        .map(text -> text.startsWith("+") ? text.substring(1) : text));
        int size = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Instant now = clock.instant();
        List<Inbox.Row> rows = inbox.page(channel.id(), query, now, Cursor.decode(cursor)
                .map(position -> new Inbox.Position(position.at(), position.id())), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Inbox.Row last = rows.get(size - 1);
            next = new Cursor(last.lastMessageAt(), last.id()).encode();
        }
        return new ConversationPage(rows.stream().map(row -> view(row, now)).toList(), next);
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/api/channels/{phoneNumberId}/conversations/{waId}/messages")
    MessagePage messages(@PathVariable String phoneNumberId, @PathVariable String waId,
            @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit,
            HttpServletRequest http) {
        long conversation = conversation(Caller.of(http), phoneNumberId, waId).id;
        int size = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        List<Inbox.Message> messages = inbox.messages(conversation, Optional.ofNullable(before), size + 1);
        Long next = null;
        if (messages.size() > size) {
            messages = messages.subList(0, size);
            next = messages.get(size - 1).id();
        }
        return new MessagePage(messages, next);
    }

    /** Gives the conversation to a user of the account (to transfer it, to another), or to nobody. */
    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/api/channels/{phoneNumberId}/conversations/{waId}/assignment")
    @Transactional
    AssignmentView assign(@PathVariable String phoneNumberId, @PathVariable String waId,
            @RequestBody Assignment request, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        Found found = conversation(caller, phoneNumberId, waId);
        if (request.userId() == null) {
            inbox.assign(found.id(), Optional.empty());
            return new AssignmentView(null);
        }
        Users.User user = users.find(caller.accountId(), request.userId()).orElseThrow(() ->
                ApiException.invalid(List.of(new FieldError("user_id", "is not a user of this account"))));
        if (user.role() == Role.ANALYST) {
            throw ApiException.invalid(List.of(new FieldError("user_id", "is an analyst, who cannot answer"
                    + " customers")));
        }
        inbox.assign(found.id(), Optional.of(user.id()));
        return new AssignmentView(new AssigneeView(user.id(), user.email()));
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/api/channels/{phoneNumberId}/conversations/{waId}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    NoteList addNote(@PathVariable String phoneNumberId, @PathVariable String waId, @RequestBody NewNote request,
            HttpServletRequest http) {
        Caller caller = Caller.of(http);
        Found found = conversation(caller, phoneNumberId, waId);
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw ApiException.invalid(List.of(new FieldError("text", "is required: up to " + MAX_NOTE
                    + " characters")));
        }
        inbox.addNote(caller.accountId(), found.channel().id(), found.id(), caller.author(), text);
        return new NoteList(inbox.notes(found.id()));
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/api/channels/{phoneNumberId}/conversations/{waId}/notes")
    NoteList notes(@PathVariable String phoneNumberId, @PathVariable String waId, HttpServletRequest http) {
        return new NoteList(inbox.notes(conversation(Caller.of(http), phoneNumberId, waId).id));
    }

    private ConversationView view(Inbox.Row row, Instant now) {
        boolean open = row.windowExpiresAt().filter(now::isBefore).isPresent();
        SessionView session = row.session().map(current -> new SessionView(
                current.type().name().toLowerCase(Locale.ROOT),
                engines.sessionModel().statusAt(current, now, open).wireName(), current.openedAt())).orElse(null);
        AssigneeView assignee = row.assignedUserId().map(id -> new AssigneeView(id, row.assignedEmail().orElse(null)))
                .orElse(null);
        return new ConversationView(new CustomerView(row.waId(), row.name()), open,
                row.windowExpiresAt().orElse(null), session, row.lastMessage().orElse(null), assignee);
    }

    /** A conversation found, with its channel and its customer's number (digits). */
    record Found(Channel channel, long id, String waId) {
    }

    /** The caller's account's conversation with {@code waId} on the channel; 404 when there is none. */
    Found conversation(Caller caller, String phoneNumberId, String waId) {
        Channel channel = channel(caller, phoneNumberId);
        E164.Parsed customer = E164.parse(waId);
        if (!customer.isValid()) {
            throw ApiException.invalid(List.of(new FieldError("wa_id", customer.problem())));
        }
        String digits = Long.toString(customer.digits());
        long id = inbox.conversationId(channel.id(), digits)
                .orElseThrow(() -> ApiException.notFound("conversation with " + waId));
        return new Found(channel, id, digits);
    }

    private Channel channel(Caller caller, String phoneNumberId) {
        return channels.find(caller.accountId(), phoneNumberId)
                .orElseThrow(() -> ApiException.notFound("channel " + phoneNumberId));
    }
}
