package dev.janela.core.testfixtures;

import dev.janela.core.conversation.Event;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.engine.Decision;
import dev.janela.core.ledger.Charge;
import dev.janela.core.pricing.MonthlyUsage;
import dev.janela.core.session.Session;
import dev.janela.core.session.SessionModel;
import dev.janela.core.session.SessionSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plays events of one conversation through the engine, keeping its state and the ledger as a caller would. */
public final class ConversationScript {
    private final ConversationEngine engine;
    private final SessionModel model;
    private final MonthlyUsage usage = new MonthlyUsage();
    private final List<Charge> ledger = new ArrayList<>();
    private ConversationState state;

    /** A conversation of {@link TestEvents#CONVERSATION}, priced by the business's country (Brazil). */
    public ConversationScript(SessionSettings settings) {
        this.engine = TestEngines.session(settings, TestRates.priceBook());
        this.model = (SessionModel) engine.plan().periods().get(0).model();
        this.state = engine.initialState();
    }

    /** A Brazilian conversation under the default settings. */
    public static ConversationScript brazil() {
        return new ConversationScript(SessionSettings.DEFAULTS);
    }

    public Decision play(Event event) {
        Decision decision = engine.decide(state, event, usage);
        state = decision.next();
        decision.charge().ifPresent(ledger::add);
        return decision;
    }

    /** Plays each event in turn; returns the last decision. */
    public Decision play(Event... events) {
        Decision last = null;
        for (Event event : events) {
            last = play(event);
        }
        return last;
    }

    /** R11: the platform reports {@code messageId} failed at {@code at}. */
    public Decision fail(String messageId, Instant at) {
        Optional<Charge> charge = ledger.stream().filter(row -> row.eventId().equals(messageId)).findFirst();
        Decision decision = engine.onFailedAfterAcceptance(state, messageId, at, charge);
        state = decision.next();
        decision.charge().ifPresent(ledger::add);
        return decision;
    }

    public List<Charge> ledger() {
        return List.copyOf(ledger);
    }

    public ConversationState state() {
        return state;
    }

    public Session session() {
        return SessionModel.current(state.pricing()).orElseThrow();
    }

    public SessionModel model() {
        return model;
    }
}
