package dev.janela.server.conversation;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.engine.ConversationWindows;
import dev.janela.core.engine.TemplateCost;
import dev.janela.core.pricing.Usage;
import dev.janela.server.channel.Channel;
import dev.janela.server.plan.UsageCounts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a template would cost each of many customers if it were sent now, asked of the same engine a send goes
 * through, so an estimate and the sends after it agree. Nothing is locked, stored or sent.
 */
@Component
public class TemplateEstimates {
    private final ConversationStore store;
    private final Engines engines;
    private final UsageCounts usageCounts;
    private final Clock clock;

    TemplateEstimates(ConversationStore store, Engines engines, UsageCounts usageCounts, Clock clock) {
        this.store = store;
        this.engines = engines;
        this.usageCounts = usageCounts;
        this.clock = clock;
    }

    /**
     * One customer's estimate.
     *
     * @param waId the customer's number, digits only
     * @param market the market their conversation is priced in
     * @param windowOpen whether their window is open now, which makes most templates free
     */
    public record Estimate(String waId, String market, boolean windowOpen, TemplateCost cost) {
    }

    /** The estimates for {@code waIds} (digits), in their order, all at the same instant. */
    public List<Estimate> now(Channel channel, List<String> waIds, TemplateCategory category) {
        Instant now = clock.instant();
        ConversationEngine engine = engines.engineFor(channel);
        ConversationWindows windows = new ConversationWindows(engine, Clock.fixed(now, clock.getZone()));
        Usage usage = usageCounts.previewing(channel.accountId());
        Map<String, ConversationState> states = store.peekAll(channel, waIds);
        List<Estimate> estimates = new ArrayList<>(waIds.size());
        for (String waId : waIds) {
            ConversationKey key = ConversationStore.key(channel, waId);
            String market = engine.marketOf(key, now);
            ConversationState state = states.getOrDefault(waId, engine.initialState());
            estimates.add(new Estimate(waId, market, state.isWindowOpenAt(now),
                    windows.templateCost(key, state, category, usage)));
        }
        return estimates;
    }
}
