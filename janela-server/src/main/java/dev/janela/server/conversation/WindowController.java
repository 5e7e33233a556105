package dev.janela.server.conversation;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.engine.ConversationWindows;
import dev.janela.core.engine.TemplateCost;
import dev.janela.core.engine.WindowStatus;
import dev.janela.core.phone.E164;
import dev.janela.core.session.SessionModel;
import dev.janela.server.account.Role;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.ledger.Ledger;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/channels/{phone_number_id}/conversations/{wa_id}/window}: is the window open now, until when, in
 * which session, what may be sent, and what a template would cost if sent now. Read without locking anything; the
 * answer comes from the engine itself, so it cannot disagree with what a send would do.
 */
@RestController
class WindowController {
    private final Channels channels;
    private final ConversationStore store;
    private final Engines engines;
    private final Clock clock;

    WindowController(Channels channels, ConversationStore store, Engines engines, Clock clock) {
        this.channels = channels;
        this.store = store;
        this.engines = engines;
        this.clock = clock;
    }

    /** The current session, as the API shows it. */
    record SessionView(String type, String status, Instant openedAt, String openedBy) {
    }

    /**
     * What a template would cost now; {@code amount} is null, and {@code problem} says why, when it would be
     * charged but cannot be priced.
     */
    record CostView(boolean charged, String amount, String currency, String problem) {
    }

    record WindowView(String channel, String waId, boolean open, Instant windowExpiresAt, long secondsLeft,
            SessionView session, List<String> maySend, CostView templateCost, Instant at) {
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/api/channels/{phoneNumberId}/conversations/{waId}/window")
    WindowView window(@PathVariable String phoneNumberId, @PathVariable String waId,
            @RequestParam(name = "category", defaultValue = "utility") String category, HttpServletRequest http) {
        Channel channel = channels.find(Caller.of(http).accountId(), phoneNumberId)
                .orElseThrow(() -> ApiException.notFound("channel " + phoneNumberId));
        E164.Parsed customer = E164.parse(waId);
        TemplateCategory templateCategory = TemplateCategory.fromWireName(category).orElse(null);
        if (!customer.isValid() || templateCategory == null) {
            throw ApiException.invalid(!customer.isValid()
                    ? List.of(new FieldError("wa_id", customer.problem()))
                    : List.of(new FieldError("category", "must be marketing, utility or authentication")));
        }
        String digits = Long.toString(customer.digits());
        ConversationKey key = ConversationStore.key(channel, digits);
        ConversationEngine engine = engines.engineFor(channel.accountId());
        ConversationState state = store.peek(channel, digits).map(StoredConversation::state)
                .orElse(engine.initialState());
        Instant now = clock.instant();
        WindowStatus window = new ConversationWindows(engine, Clock.fixed(now, clock.getZone())).now(key, state,
                engines.marketOf(channel, key), templateCategory);
        return new WindowView(phoneNumberId, digits, window.open(), window.expiresAt().orElse(null),
                window.left().toSeconds(), session(state, now, window.open()),
                window.open() ? List.of("template", "free_form") : List.of("template"), cost(window.templateCost()),
                now);
    }

    private SessionView session(ConversationState state, Instant now, boolean windowOpen) {
        return SessionModel.current(state.pricing()).map(current -> new SessionView(
                current.type().name().toLowerCase(Locale.ROOT),
                engines.sessionModel().statusAt(current, now, windowOpen).wireName(), current.openedAt(),
                current.openedBy())).orElse(null);
    }

    private static CostView cost(TemplateCost cost) {
        return new CostView(cost.charged(), cost.amount().map(amount -> Ledger.decimal(amount.micros(), 4))
                .orElse(null), cost.amount().map(amount -> amount.currency().getCurrencyCode()).orElse(null),
                cost.problem().orElse(null));
    }
}
