package dev.janela.server.conversation;

import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.session.SessionModel;
import dev.janela.core.session.SessionSettings;
import dev.janela.server.channel.Channel;
import dev.janela.server.jdbc.TransactionCache;
import dev.janela.server.plan.PricingPlans;
import org.springframework.stereotype.Component;

/**
 * The engine a channel's decisions go through: its account's pricing plan (the {@code session} model with its
 * documented settings unless the plan says otherwise), priced by the account's rate cards.
 */
@Component
public class Engines {
    /** The {@code session} model's rules, for reading a session's status at an instant. */
    private static final SessionModel SESSIONS = new SessionModel(SessionSettings.DEFAULTS);

    private final PricingPlans plans;

    Engines(PricingPlans plans) {
        this.plans = plans;
    }

    /** The channel's engine, made once per transaction: a batch of deliveries decides many of its messages. */
    public ConversationEngine engineFor(Channel channel) {
        return TransactionCache.get(new EngineOf(channel), () -> new ConversationEngine(plans.planOf(channel),
                SessionSettings.DEFAULTS.windowLength()));
    }

    /** The key a channel's engine is kept under for a transaction. */
    private record EngineOf(Channel channel) {
    }

    /** The {@code session} model's rules, for reading a session's status at an instant. */
    public SessionModel sessionModel() {
        return SESSIONS;
    }

    /** The engine that would price {@code channel}'s traffic under {@code model} alone. */
    public ConversationEngine engineFor(Channel channel, String model) {
        return new ConversationEngine(plans.planOf(channel, model), SessionSettings.DEFAULTS.windowLength());
    }
}
