package dev.janela.server.inbox;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.account.Users;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.CustomerIds;
import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Page;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Fields;
import dev.janela.server.refusal.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A channel's shared inbox as its agents work it: the conversations, filtered and searched; one conversation's
 * messages; who answers it; and the team's notes on it.
 */
@Service
class SharedInbox {
    private static final List<String> FILTERS = List.of("all", "open", "mine", "unassigned");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    private static final int MAX_NOTE = 4_000;

    private final Inbox inbox;
    private final Channels channels;
    private final Users users;

    SharedInbox(Inbox inbox, Channels channels, Users users) {
        this.inbox = inbox;
        this.channels = channels;
        this.users = users;
    }

    /** A conversation found, with its channel and its customer's number (digits). */
    public record Found(Channel channel, long id, String waId) {
    }

    /**
     * The channel's conversations, newest first.
     *
     * @param filter {@code all} (also when null or blank), {@code open}, {@code mine} or {@code unassigned}
     * @param search a name, or a number or a part of one as people write it ({@code +55 21 98888-0005},
     *     {@code 98888-0005})
     * @param cursor where the previous page ended, as it gave it; null for the first page
     * @param limit how many a page holds, 50 unless given
     * @param now the instant an open window is open at
     */
    public Page<Inbox.Row> conversations(Caller caller, String phoneNumberId, String filter, String search,
            String cursor, Integer limit, Instant now) {
        Channel channel = channel(caller, phoneNumberId);
        String chosen = filter == null || filter.isBlank() ? "all" : filter;
        if (!FILTERS.contains(chosen)) {
            throw Refusal.invalid("filter", "is all, open, mine or unassigned");
        }
        if (chosen.equals("mine") && caller.userId().isEmpty()) {
            throw Refusal.invalid("filter", "mine needs a user's token; this is an integration's");
        }
        Inbox.Filter query = new Inbox.Filter(chosen.equals("open"),
                chosen.equals("mine") ? caller.userId() : Optional.empty(), chosen.equals("unassigned"),
                Optional.ofNullable(search).map(String::strip).filter(text -> !text.isEmpty())
                        .map(Inbox.Search::of));
        int size = Fields.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        return Page.of(inbox.page(channel.id(), query, now, Cursor.decode(cursor), size + 1), size,
                Inbox.Row::cursor);
    }

    /** The caller's account's conversation with {@code waId} on the channel; 404 when there is none. */
    public Found conversation(Caller caller, String phoneNumberId, String waId) {
        Channel channel = channel(caller, phoneNumberId);
        Inbox.Located located = inbox.conversation(channel, CustomerIds.identifier("wa_id", waId))
                .orElseThrow(() -> Refusal.notFound("conversation with " + waId));
        return new Found(channel, located.id(), located.handle());
    }

    /**
     * The conversation's messages, newest first, those before message {@code before} if given, 50 unless
     * {@code limit} says; with the id of the last, where the next page begins, if there are more.
     */
    public MessagePage messages(Caller caller, String phoneNumberId, String waId, Optional<Long> before,
            Integer limit) {
        long conversation = conversation(caller, phoneNumberId, waId).id();
        int size = Fields.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        List<Inbox.Message> messages = inbox.messages(conversation, before, size + 1);
        if (messages.size() <= size) {
            return new MessagePage(messages, Optional.empty());
        }
        List<Inbox.Message> page = messages.subList(0, size);
        return new MessagePage(page, Optional.of(page.get(size - 1).id()));
    }

    /** A page of a conversation's messages, newest first, and the id the next page starts before. */
    public record MessagePage(List<Inbox.Message> messages, Optional<Long> next) {
    }

    /**
     * Gives the conversation to a user of the account (to transfer it, to another), or to nobody.
     *
     * @param userId the user to answer it; empty for nobody
     * @return who answers it now
     */
    @Transactional
    public Optional<Users.User> assign(Caller caller, String phoneNumberId, String waId, Optional<Long> userId) {
        Found found = conversation(caller, phoneNumberId, waId);
        if (userId.isEmpty()) {
            inbox.assign(found.id(), Optional.empty());
            return Optional.empty();
        }
        Users.User user = users.find(caller.accountId(), userId.get()).orElseThrow(() ->
                Refusal.invalid("user_id", "is not a user of this account"));
        if (user.role() == Role.ANALYST) {
            throw Refusal.invalid("user_id", "is an analyst, who cannot answer customers");
        }
        inbox.assign(found.id(), Optional.of(user.id()));
        return Optional.of(user);
    }

    /** Adds the caller's note to the conversation; returns its notes, oldest first. */
    @Transactional
    public List<Inbox.Note> addNote(Caller caller, String phoneNumberId, String waId, String text) {
        Found found = conversation(caller, phoneNumberId, waId);
        String note = text == null ? "" : text.strip();
        List<FieldError> problems = new ArrayList<>();
        Fields.requireText("text", note, MAX_NOTE, problems);
        Refusal.requireNone(problems);
        inbox.addNote(caller.accountId(), found.channel().id(), found.id(), caller.author(), note);
        return inbox.notes(found.id());
    }

    /** The conversation's notes, oldest first. */
    public List<Inbox.Note> notes(Caller caller, String phoneNumberId, String waId) {
        return inbox.notes(conversation(caller, phoneNumberId, waId).id());
    }

    private Channel channel(Caller caller, String phoneNumberId) {
        return channels.find(caller.accountId(), phoneNumberId)
                .orElseThrow(() -> Refusal.notFound("channel " + phoneNumberId));
    }
}
