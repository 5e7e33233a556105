package dev.janela.server.inbox;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.conversation.Engines;
import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Page;
import dev.janela.server.web.Allowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
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
    private final SharedInbox inbox;
    private final Engines engines;
    private final Clock clock;

    InboxController(SharedInbox inbox, Engines engines, Clock clock) {
        this.inbox = inbox;
        this.engines = engines;
        this.clock = clock;
    }

    record ConversationPage(List<ConversationView> conversations, String next) {
    }

    record MessagePage(List<Inbox.Message> messages, Long next) {
    }

    record Assignment(Long userId) {
    }

    record AssignmentView(ConversationView.AssigneeView assignedTo) {
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
            Caller caller) {
        Instant now = clock.instant();
        Page<Inbox.Row> page = inbox.conversations(caller, phoneNumberId, filter, q, cursor, limit, now);
        return new ConversationPage(page.items().stream()
                .map(row -> ConversationView.of(row, now, engines.sessionModel())).toList(),
                page.next().map(Cursor::encode).orElse(null));
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/api/channels/{phoneNumberId}/conversations/{waId}/messages")
    MessagePage messages(@PathVariable String phoneNumberId, @PathVariable String waId,
            @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit,
            Caller caller) {
        SharedInbox.MessagePage page = inbox.messages(caller, phoneNumberId, waId, Optional.ofNullable(before),
                limit);
        return new MessagePage(page.messages(), page.next().orElse(null));
    }

    /** Gives the conversation to a user of the account (to transfer it, to another), or to nobody. */
    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/api/channels/{phoneNumberId}/conversations/{waId}/assignment")
    AssignmentView assign(@PathVariable String phoneNumberId, @PathVariable String waId,
            @RequestBody Assignment request, Caller caller) {
        return new AssignmentView(inbox.assign(caller, phoneNumberId, waId, Optional.ofNullable(request.userId()))
                .map(user -> new ConversationView.AssigneeView(user.id(), user.email())).orElse(null));
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/api/channels/{phoneNumberId}/conversations/{waId}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    NoteList addNote(@PathVariable String phoneNumberId, @PathVariable String waId, @RequestBody NewNote request,
            Caller caller) {
        return new NoteList(inbox.addNote(caller, phoneNumberId, waId, request.text()));
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/api/channels/{phoneNumberId}/conversations/{waId}/notes")
    NoteList notes(@PathVariable String phoneNumberId, @PathVariable String waId, Caller caller) {
        return new NoteList(inbox.notes(caller, phoneNumberId, waId));
    }
}
