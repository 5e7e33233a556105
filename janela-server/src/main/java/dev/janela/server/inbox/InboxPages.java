package dev.janela.server.inbox;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.channel.Channel;
import dev.janela.server.conversation.Engines;
import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Page;
import dev.janela.server.layout.ChosenChannel;
import dev.janela.server.ui.Htmx;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /inbox}: the chosen channel's conversations, newest first, with the same filters as the API's inbox, each
 * with its window's badge. The list refreshes itself every few seconds, so new messages appear without a reload.
 */
@WebPages
class InboxPages {
    private static final int PAGE = 50;

    private final SharedInbox inbox;
    private final Engines engines;
    private final ChosenChannel chosen;
    private final Clock clock;

    InboxPages(SharedInbox inbox, Engines engines, ChosenChannel chosen, Clock clock) {
        this.inbox = inbox;
        this.engines = engines;
        this.chosen = chosen;
        this.clock = clock;
    }

    /** A row of the list: the API's view of a conversation and its badge. */
    record Row(ConversationView conversation, WindowBadge badge) {
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/inbox")
    String inbox(@RequestParam(defaultValue = "all") String filter, @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor, Caller caller, HttpServletRequest request, Model model) {
        Optional<Channel> channel = chosen.find(request);
        model.addAttribute("channel", channel.orElse(null));
        model.addAttribute("filter", filter);
        model.addAttribute("q", q == null ? "" : q.strip());
        if (channel.isPresent()) {
            Instant now = clock.instant();
            Page<Inbox.Row> page = inbox.conversations(caller, channel.get().phoneNumberId(), filter, q, cursor,
                    PAGE, now);
            model.addAttribute("rows", page.items().stream().map(row -> row(row, now)).toList());
            model.addAttribute("next", page.next().map(Cursor::encode).orElse(null));
        } else {
            model.addAttribute("rows", List.of());
        }
        return Htmx.isHtmx(request) ? "inbox :: rows" : "inbox";
    }

    private Row row(Inbox.Row row, Instant now) {
        ConversationView view = ConversationView.of(row, now, engines.sessionModel());
        return new Row(view, WindowBadge.of(view.open(), view.windowExpiresAt(),
                view.session() == null ? null : view.session().status(), now));
    }
}
