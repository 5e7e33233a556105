package dev.janela.server.conversation;

import dev.janela.core.conversation.BusinessMessage;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.Event;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.conversation.TemplateMessage;
import dev.janela.core.engine.AllowanceUse;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.engine.Decision;
import dev.janela.core.engine.Outcome;
import dev.janela.core.ledger.Charge;
import dev.janela.core.pricing.Usage;
import dev.janela.core.pricing.UsageKey;
import dev.janela.server.channel.Channel;
import dev.janela.server.consent.OptOuts;
import dev.janela.server.consent.StopWords;
import dev.janela.server.ledger.Ledger;
import dev.janela.server.operations.JanelaMetrics;
import dev.janela.server.plan.UsageCounts;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides every event of a conversation, whatever it comes from: a customer's message from a webhook, a send from
 * the API, a delivery report from a webhook or the connector. Each runs in one transaction that locks the
 * conversation's row, asks the engine, and writes the state, the message and the charge before it commits; an event
 * already applied changes nothing.
 * The events that tell the business's systems of these changes are written in the same transaction.
 */
@Service
public class ConversationService {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationService.class);

    private final ConversationStore store;
    private final ProcessedEvents processed;
    private final Messages messages;
    private final Ledger ledger;
    private final Engines engines;
    private final UsageCounts usageCounts;
    private final MessageIds ids;
    private final Clock clock;
    private final JanelaMetrics metrics;
    private final ConversationEvents events;
    private final Customers customers;
    private final IdentitySettings identitySettings;
    private final StopWords stopWords;
    private final OptOuts optOuts;

    ConversationService(ConversationStore store, ProcessedEvents processed, Messages messages, Ledger ledger,
            Engines engines, UsageCounts usageCounts, MessageIds ids, Clock clock, JanelaMetrics metrics,
            ConversationEvents events, Customers customers, IdentitySettings identitySettings, StopWords stopWords,
            OptOuts optOuts) {
        this.stopWords = stopWords;
        this.optOuts = optOuts;
        this.customers = customers;
        this.identitySettings = identitySettings;
        this.store = store;
        this.processed = processed;
        this.messages = messages;
        this.ledger = ledger;
        this.engines = engines;
        this.usageCounts = usageCounts;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
        this.events = events;
    }

    /**
     * Applies a customer's message (R1-R4): it opens or renews the window, starts or activates a session, and is
     * charged when it starts one. A message that is one of the account's stop words, and nothing else, opts the
     * customer out of marketing, in the same transaction; the account's words are in memory, so that the others
     * read nothing more.
     *
     * @return whether it was applied; false when it had been already (R12)
     */
    @Transactional
    public boolean receive(Channel channel, Inbound message) {
        if (!processed.firstTime(ProcessedEvents.Event.message(channel, message.wamid()))) {
            return false;
        }
        StoredConversation conversation = store.lock(channel, message.customer());
        message.profileName().ifPresent(name -> store.nameCustomer(conversation, name));
        CustomerMessage event = new CustomerMessage(message.wamid(), message.at(), conversation.key(),
                message.referral());
        Decided decided = decide(conversation, event);
        Decision decision = decided.decision();
        store.saveWithMessage(conversation, decision.next(), message.at());
        messages.addReceived(conversation, NewMessage.received(message, decided.priced()));
        events.messageReceived(conversation, message);
        record(conversation, decision);
        message.body().flatMap(text -> stopWords.match(channel.accountId(), text)).ifPresent(word ->
                optOuts.change(channel.accountId(), conversation.customer().id(),
                        new OptOuts.Change(true, OptOuts.Source.STOP_WORD, Optional.of(word), message.at())));
        return true;
    }

    /**
     * Applies Meta's report that a customer changed number or BSUID: the customer keeps its conversations and their
     * history, now known by the new identifiers. Its open window carries on unless the account says a change ends
     * it.
     *
     * @return whether it was applied; false when it had been already (R12)
     */
    @Transactional
    public boolean changeIdentity(Channel channel, IdentityChange change) {
        if (!processed.firstTime(ProcessedEvents.Event.message(channel, change.wamid()))) {
            return false;
        }
        StoredConversation conversation = store.lock(channel, change.previous());
        Customer changed = customers.change(channel.accountId(), conversation.customer(), change.changed());
        StoredConversation renamed = new StoredConversation(conversation.id(), channel, changed,
                ConversationStore.key(channel, changed.handle()), conversation.state());
        boolean windowOpen = conversation.state().windowExpiresAt().filter(change.at()::isBefore).isPresent();
        if (windowOpen && !identitySettings.changeKeepsWindow(channel.accountId())) {
            store.save(conversation, ConversationState.of(Optional.of(change.at()), conversation.state().pricing()),
                    change.at());
        }
        String model = engines.engineFor(channel).plan().at(change.at()).model().name();
        messages.add(renamed, new NewMessage(change.wamid(), Direction.IN, Inbound.SYSTEM, Optional.empty(),
                change.body(), MessageState.RECEIVED, Optional.empty(), change.at(),
                new Priced(model, Priced.Unit.NONE, Optional.empty(), Optional.empty()), false, false));
        return true;
    }

    /**
     * Decides a send now: a template is always accepted (and charged when it starts a session, R5-R6); a free-form
     * message only while the window is open (R7). Nothing is stored for a refused send.
     *
     * @param author the name of the token that asked, recorded on the message
     * @throws Refusal with {@link Reason#REENGAGEMENT_MESSAGE} for a free-form message outside the window (R8)
     */
    @Transactional
    public Sent send(Channel channel, Outbound message, String author) {
        Instant at = clock.instant();
        String wamid = ids.next();
        StoredConversation conversation = store.lock(channel, message.customer());
        BusinessMessage event = message.template().<BusinessMessage>map(template ->
                new TemplateMessage(wamid, at, conversation.key(), template.category(), false))
                .orElseGet(() -> new FreeFormMessage(wamid, at, conversation.key(), false));
        Decided decided = decide(conversation, event);
        Decision decision = decided.decision();
        if (decision.outcome() == Outcome.REFUSED_OUTSIDE_WINDOW) {
            throw new Refusal(Reason.REENGAGEMENT_MESSAGE, "Message failed to send because more than 24"
                    + " hours have passed since the customer last replied to this number.");
        }
        boolean windowOpen = conversation.state().windowExpiresAt().filter(at::isBefore).isPresent();
        store.saveWithMessage(conversation, decision.next(), at);
        long id = messages.add(conversation, NewMessage.accepted(wamid, message, author, at, decided.priced(),
                windowOpen));
        record(conversation, decision);
        return new Sent(id, wamid, at, decision.charge(), conversation.customer());
    }

    /**
     * Applies a delivery report to a message Janela sent: the one path every report takes, from Meta's status
     * webhooks, from a connector that reports by itself (the sandbox), or from an operator. States only move
     * forward; a failure reverses the message's charge with a negative row and ends the session it opened (R11).
     *
     * @return whether it changed anything
     */
    @Transactional
    public boolean applyStatus(Channel channel, StatusReport report) {
        if (!processed.firstTime(ProcessedEvents.Event.status(channel, report))) {
            return false;
        }
        // Meta names the message by its own id, which a status may bring before the send's answer is settled; the
        // callback data Janela gave the send names it by Janela's.
        List<String> ids = new ArrayList<>(2);
        ids.add(report.wamid());
        report.callbackData().ifPresent(ids::add);
        Optional<Messages.Tracked> found = messages.find(channel.id(), ids);
        if (found.isEmpty()) {
            LOG.info("Status {} for a message Janela did not send, on channel {}: ignored", report.state().wireName(),
                    channel.phoneNumberId());
            return false;
        }
        Messages.Tracked message = found.get();
        if (message.metaWamid().isEmpty() && !report.wamid().equals(message.wamid())) {
            messages.recordMetaWamid(message.id(), report.wamid());
        }
        MessageState next = message.state().after(report.state());
        if (next == message.state()) {
            report.pricing().ifPresent(pricing -> messages.recordMetaPricing(message.id(), pricing));
            return false;
        }
        if (next == MessageState.FAILED) {
            StoredConversation conversation = store.lock(channel, message.customer());
            Optional<Charge> charge = ledger.chargeOf(channel.accountId(), conversation.key(), message.wamid());
            Decision decision = engines.engineFor(channel)
                    .onFailedAfterAcceptance(conversation.state(), message.wamid(), report.at(), charge);
            // Meta counts what it delivers: the failed message's unit goes back to its month's count
            message.counted().ifPresent(counted -> usageCounts.giveBack(channel.accountId(), counted));
            store.save(conversation, decision.next(), report.at());
            record(conversation, decision);
        }
        messages.setState(message.id(), next, report.at(), report.errorCode(), report.pricing());
        events.messageStatus(channel, message, next, report);
        return true;
    }

    /** The engine's decision on an event, and how it priced it, to be compared with what Meta reports. */
    private record Decided(Decision decision, Priced priced) {
    }

    private Decided decide(StoredConversation conversation, Event event) {
        ConversationEngine engine = engines.engineFor(conversation.channel());
        Usage usage = usageCounts.counting(conversation.accountId());
        Decision decision = metrics.decision(() -> engine.decide(conversation.state(), event, usage));
        String model = engine.plan().at(event.at()).model().name();
        Optional<UsageKey> counted = decision.counted().map(AllowanceUse::key);
        Priced priced = decision.charge()
                .map(charge -> new Priced(model, Priced.Unit.CHARGED, Optional.of(charge.category()), counted))
                .or(() -> decision.free().map(free -> new Priced(model, Priced.Unit.FREE, Optional.of(free), counted)))
                .orElseGet(() -> new Priced(model, Priced.Unit.NONE, Optional.empty(), counted));
        decision.counted().filter(FreeServiceThresholds::reached)
                .ifPresent(use -> events.freeServiceThreshold(conversation.channel(), use));
        return new Decided(decision, priced);
    }

    private void record(StoredConversation conversation, Decision decision) {
        decision.charge().ifPresent(charge -> {
            if (ledger.record(conversation.accountId(), conversation.channel().id(), conversation.id(), charge)) {
                metrics.charged(charge.category().wireName(), charge.kind().wireName(),
                        charge.amount().toBigDecimal(), charge.amount().currency().getCurrencyCode());
                events.chargeRecorded(conversation, charge);
            }
        });
    }
}
