package dev.janela.server.conversation;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.engine.ConversationWindows;
import dev.janela.core.engine.ReplyCost;
import dev.janela.core.engine.TemplateCost;
import dev.janela.core.engine.WindowStatus;
import dev.janela.core.session.SessionModel;
import dev.janela.server.channel.Channel;
import dev.janela.server.ledger.Ledger;
import dev.janela.server.plan.UsageCounts;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A conversation's window now: open or not, until when, in which session, what may be sent, and what a template
 * would cost if sent now. Read without locking anything; the answer comes from the engine itself, so it cannot
 * disagree with what a send would do.
 */
@Component
public class Windows {
    private final ConversationStore store;
    private final Engines engines;
    private final UsageCounts usageCounts;
    private final Clock clock;

    Windows(ConversationStore store, Engines engines, UsageCounts usageCounts, Clock clock) {
        this.store = store;
        this.engines = engines;
        this.usageCounts = usageCounts;
        this.clock = clock;
    }

    /** The current session, as the API shows it. */
    public record SessionView(String type, String status, Instant openedAt, String openedBy) {
    }

    /**
     * What a template would cost now; {@code amount} is null, and {@code problem} says why, when it would be
     * charged but cannot be priced.
     */
    public record CostView(boolean charged, String amount, String currency, String problem) {
    }

    /**
     * What a free-form reply would cost now, as a template's cost says, and, where the pricing model gives each
     * business number free service messages a month, how many of them are used.
     */
    public record ReplyCostView(boolean charged, String amount, String currency, String problem,
            FreeAllowanceView freeAllowance) {
    }

    /** A business number's free service messages this month: {@code used} of {@code of}. */
    public record FreeAllowanceView(long used, long of) {
        /** Whether none are left. */
        public boolean usedUp() {
            return used >= of;
        }
    }

    /**
     * @param replyCost what a free-form reply would cost now; null when the window is closed, since it would be
     *     refused
     */
    public record WindowView(String channel, String waId, boolean open, Instant windowExpiresAt, long secondsLeft,
            SessionView session, List<String> maySend, CostView templateCost, ReplyCostView replyCost, Instant at) {
    }

    /** The window of the customer {@code waId} (digits of a valid number) on {@code channel}. */
    public WindowView now(Channel channel, String waId, TemplateCategory templateCategory) {
        ConversationKey key = ConversationStore.key(channel, waId);
        ConversationEngine engine = engines.engineFor(channel);
        ConversationState state = stateNow(channel, waId, engine);
        Instant now = clock.instant();
        WindowStatus window = new ConversationWindows(engine, Clock.fixed(now, clock.getZone())).now(key, state,
                templateCategory, usageCounts.previewing(channel.accountId()));
        return new WindowView(channel.phoneNumberId(), waId, window.open(), window.expiresAt().orElse(null),
                window.left().toSeconds(), session(state, now, window.open()),
                window.open() ? List.of("template", "free_form") : List.of("template"), cost(window.templateCost()),
                window.replyCost().map(Windows::replyCost).orElse(null), now);
    }

    /**
     * What a template of each of {@code categories} would cost if sent now to {@code waId} (digits of a valid number)
     * on {@code channel}, from one read of the conversation.
     */
    public Map<TemplateCategory, CostView> templateCosts(Channel channel, String waId,
            Collection<TemplateCategory> categories) {
        ConversationKey key = ConversationStore.key(channel, waId);
        ConversationEngine engine = engines.engineFor(channel);
        ConversationState state = stateNow(channel, waId, engine);
        ConversationWindows windows = new ConversationWindows(engine, Clock.fixed(clock.instant(), clock.getZone()));
        Map<TemplateCategory, CostView> costs = new EnumMap<>(TemplateCategory.class);
        for (TemplateCategory category : categories) {
            costs.put(category, cost(windows.now(key, state, category, usageCounts.previewing(channel.accountId()))
                    .templateCost()));
        }
        return costs;
    }

    private ConversationState stateNow(Channel channel, String waId, ConversationEngine engine) {
        return store.peek(channel, waId).map(StoredConversation::state).orElse(engine.initialState());
    }

    /** The market a send to {@code waId} on {@code channel} is priced in now. */
    public String marketOf(Channel channel, String waId) {
        return engines.engineFor(channel).marketOf(ConversationStore.key(channel, waId), clock.instant());
    }

    private SessionView session(ConversationState state, Instant now, boolean windowOpen) {
        return SessionModel.current(state.pricing()).map(current -> new SessionView(
                current.type().name().toLowerCase(Locale.ROOT),
                engines.sessionModel().statusAt(current, now, windowOpen).wireName(), current.openedAt(),
                current.openedBy())).orElse(null);
    }

    private static ReplyCostView replyCost(ReplyCost reply) {
        CostView cost = cost(reply.cost());
        // the preview's number is the next one's, so the month's free ones used so far are one fewer
        return new ReplyCostView(cost.charged(), cost.amount(), cost.currency(), cost.problem(), reply.allowance()
                .map(use -> new FreeAllowanceView(Math.min(use.number() - 1, use.freeUnits()), use.freeUnits()))
                .orElse(null));
    }

    private static CostView cost(TemplateCost cost) {
        return new CostView(cost.charged(), cost.amount().map(amount -> Ledger.decimal(amount.micros(), 4))
                .orElse(null), cost.amount().map(amount -> amount.currency().getCurrencyCode()).orElse(null),
                cost.problem().orElse(null));
    }
}
