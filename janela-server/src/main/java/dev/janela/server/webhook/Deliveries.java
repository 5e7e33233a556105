package dev.janela.server.webhook;

import dev.janela.core.JanelaException;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.conversation.IdentityChange;
import dev.janela.server.conversation.Inbound;
import dev.janela.server.conversation.ProcessedEvents;
import dev.janela.server.conversation.ProcessedEvents.Event;
import dev.janela.server.conversation.StatusReport;
import dev.janela.server.jdbc.Dialect;
import dev.janela.server.jdbc.GroupCommit;
import dev.janela.server.operations.JanelaMetrics;
import dev.janela.server.operations.JanelaMetrics.Outcome;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.template.MetaTemplateUpdates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies what a delivery of Meta's webhooks carries, once its signature is checked: the one path customers'
 * messages and delivery reports take, from Meta or from the sandbox's simulated customers; changes to the
 * account's templates at Meta; customers' marketing preferences and the account's messaging limit, as Meta reports
 * them ({@link MarketingUpdates}). Each item is applied once only. Deliveries that come at the same time are committed
 * together, in one transaction ({@link GroupCommit}); if that fails, each is applied again on its own, one transaction
 * an item, so that an item Janela can never store is quarantined whole, with the reason ({@link Quarantine}), and the
 * rest applied: the delivery can be answered 200 and Meta stops sending it. Only a failure that may pass (an item that
 * cannot be priced yet, the database out of reach) leaves the delivery unanswered, for Meta to deliver again.
 */
@Component
public class Deliveries implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The most deliveries committed together. */
    private static final int MOST_AT_ONCE = 128;

    private final Channels channels;
    private final ConversationService conversations;
    private final ProcessedEvents processed;
    private final JanelaMetrics metrics;
    private final MetaTemplateUpdates templates;
    private final Quarantine quarantine;
    private final MarketingUpdates marketing;
    private final GroupCommit<Delivery, List<Counted>> commits;

    Deliveries(Channels channels, ConversationService conversations, ProcessedEvents processed,
            JanelaMetrics metrics, MetaTemplateUpdates templates, Quarantine quarantine,
            PlatformTransactionManager transactions, Dialect dialect, MarketingUpdates marketing) {
        this.marketing = marketing;
        this.channels = channels;
        this.conversations = conversations;
        this.processed = processed;
        this.metrics = metrics;
        this.templates = templates;
        this.quarantine = quarantine;
        this.commits = new GroupCommit<>("janela-deliveries", dialect.writers(), MOST_AT_ONCE,
                new TransactionTemplate(transactions), new GroupCommit.Work<>() {
                    @Override
                    public void before(List<Delivery> batch) {
                        if (dialect.statementsAreRoundTrips()) {
                            processed.claim(events(batch));
                        }
                    }

                    @Override
                    public List<Counted> together(Delivery delivery) {
                        return apply(delivery, Unstorable.FAILS_THE_BATCH);
                    }

                    @Override
                    public List<Counted> alone(Delivery delivery) {
                        return apply(delivery, Unstorable.IS_QUARANTINED);
                    }
                });
        metrics.gauge("janela.webhook.waiting", "Webhook deliveries read and waiting for their commit",
                commits::waiting);
    }

    /**
     * Applies every item of {@code payload}, a webhook body, and returns once all is committed. Deliveries that come
     * at the same time are committed together ({@link GroupCommit}).
     *
     * @throws Refusal with {@link Reason#UNAVAILABLE} if an item cannot be applied yet (it cannot be priced), or
     *     Janela cannot take the delivery now: Meta then delivers it again
     */
    public void apply(JsonNode payload) {
        Delivery delivery = new Delivery(WebhookPayload.read(payload), WebhookPayload.templateChanges(payload),
                WebhookPayload.preferenceChanges(payload), WebhookPayload.capabilityUpdates(payload));
        List<Counted> counted;
        try {
            counted = commits.apply(delivery.route(), delivery);
        } catch (GroupCommit.NotTaken busy) {
            throw new Refusal(Reason.UNAVAILABLE, "Janela cannot take this delivery now: " + busy.getMessage());
        }
        counted.forEach(item -> metrics.webhookItem(item.kind(), item.outcome()));
    }

    /** Commits what has been taken, once the web server has stopped taking deliveries. */
    @Override
    public void destroy() {
        commits.close();
    }

    /** A delivery, read. */
    private record Delivery(WebhookPayload.Contents contents, List<WebhookPayload.TemplateChange> templateChanges,
            List<WebhookPayload.PreferenceChange> preferences, List<WebhookPayload.CapabilityUpdate> capabilities) {
        /** The same for deliveries of the same customer, so that they go through the same writer. */
        int route() {
            return contents.channels().stream().findFirst()
                    .map(items -> items.phoneNumberId().hashCode() * 31 + items.messages().stream().findFirst()
                            .map(message -> message.value().customer().hashCode()).orElse(0))
                    .orElse(0);
        }
    }

    /** An item's outcome, counted once its transaction commits. */
    private record Counted(String kind, Outcome outcome) {
    }

    /** What becomes of an item that cannot be applied, now or ever. */
    private enum Unstorable {
        /** In a batch: the batch is rolled back, and its deliveries applied alone. */
        FAILS_THE_BATCH,
        /** Applied alone: it is quarantined, or its delivery refused for Meta to send again. */
        IS_QUARANTINED;

        /** Fails the batch with {@code failure}; applied alone, returns for the caller to deal with it. */
        void failBatch(RuntimeException failure) {
            if (this == FAILS_THE_BATCH) {
                throw failure;
            }
        }
    }

    /**
     * The events {@code batch} would apply, each to be applied once only: the messages and reports of the channels
     * Janela has, as {@link #apply(WebhookPayload.ChannelItems, Unstorable, List)} applies them.
     */
    private List<Event> events(List<Delivery> batch) {
        List<Event> events = new ArrayList<>();
        for (Delivery delivery : batch) {
            for (WebhookPayload.ChannelItems items : delivery.contents().channels()) {
                channels.findByPhoneNumberId(items.phoneNumberId()).ifPresent(channel -> {
                    items.changes().forEach(change -> events.add(Event.message(channel, change.value().wamid())));
                    items.messages().forEach(message -> events.add(Event.message(channel, message.value().wamid())));
                    items.statuses().forEach(status -> events.add(Event.status(channel, status.value())));
                });
            }
        }
        return events;
    }

    private List<Counted> apply(Delivery delivery, Unstorable unstorable) {
        List<Counted> counted = new ArrayList<>();
        WebhookPayload.Contents contents = delivery.contents();
        contents.unattributed().forEach(item -> keep(Optional.empty(), Optional.empty(), item.kind(), item.raw(),
                item.reason(), counted));
        for (WebhookPayload.ChannelItems items : contents.channels()) {
            try {
                apply(items, unstorable, counted);
            } catch (JanelaException cannotApplyYet) {
                unstorable.failBatch(cannotApplyYet);
                // Meta delivers it again until it is answered 200: once the account is fixed, nothing is lost.
                LOG.warn("A webhook for phone_number_id {} was not applied, and Meta will deliver it again: {}",
                        items.phoneNumberId(), cannotApplyYet.getMessage());
                throw new Refusal(Reason.UNAVAILABLE, cannotApplyYet.getMessage());
            }
        }
        for (WebhookPayload.TemplateChange change : delivery.templateChanges()) {
            try {
                templates.applyWebhook(change.wabaId(), change.field(), change.value());
            } catch (DataIntegrityViolationException refused) {
                unstorable.failBatch(refused);
                keep(Optional.empty(), Optional.empty(), "template", change.value(), refused(refused), counted);
            }
        }
        for (WebhookPayload.PreferenceChange preference : delivery.preferences()) {
            try {
                counted.add(new Counted("preference", marketing.apply(preference) ? Outcome.APPLIED
                        : Outcome.DUPLICATE));
            } catch (DataIntegrityViolationException refused) {
                unstorable.failBatch(refused);
                keep(Optional.empty(), preference.phoneNumberId(), "preference", preference.raw(), refused(refused),
                        counted);
            }
        }
        delivery.capabilities().forEach(update -> counted.add(new Counted("capability", marketing.apply(update)
                ? Outcome.APPLIED : Outcome.UNKNOWN_CHANNEL)));
        return counted;
    }

    private void apply(WebhookPayload.ChannelItems items, Unstorable unstorable, List<Counted> counted) {
        Optional<Channel> channel = channels.findByPhoneNumberId(items.phoneNumberId());
        items.unstorable().forEach(item -> keep(channel, Optional.of(items.phoneNumberId()), item.kind(), item.raw(),
                item.reason(), counted));
        if (channel.isEmpty()) {
            items.messages().forEach(message -> counted.add(new Counted("message", Outcome.UNKNOWN_CHANNEL)));
            items.changes().forEach(change -> counted.add(new Counted("message", Outcome.UNKNOWN_CHANNEL)));
            items.statuses().forEach(status -> counted.add(new Counted("status", Outcome.UNKNOWN_CHANNEL)));
            LOG.warn("A webhook for phone_number_id {}, which no channel has, was ignored; add the channel with"
                    + " POST /api/channels", items.phoneNumberId());
            return;
        }
        Item item = new Item(channel.get(), unstorable, counted);
        // A change first, so that messages in the same delivery from the new number reach the same customer.
        for (WebhookPayload.Item<IdentityChange> change : items.changes()) {
            item.apply("message", change.raw(), () -> conversations.changeIdentity(channel.get(), change.value()));
        }
        for (WebhookPayload.Item<Inbound> message : items.messages()) {
            item.apply("message", message.raw(), () -> conversations.receive(channel.get(), message.value()));
        }
        for (WebhookPayload.Item<StatusReport> status : items.statuses()) {
            item.apply("status", status.raw(), () -> conversations.applyStatus(channel.get(), status.value()));
        }
    }

    /** How the items of one channel are applied. */
    private final class Item {
        private final Channel channel;
        private final Unstorable unstorable;
        private final List<Counted> counted;

        Item(Channel channel, Unstorable unstorable, List<Counted> counted) {
            this.channel = channel;
            this.unstorable = unstorable;
            this.counted = counted;
        }

        /** Applies one item; one the database refuses for good is quarantined, as it would be refused again. */
        void apply(String kind, JsonNode raw, BooleanSupplier applying) {
            try {
                counted.add(new Counted(kind, applying.getAsBoolean() ? Outcome.APPLIED : Outcome.DUPLICATE));
            } catch (DataIntegrityViolationException refused) {
                unstorable.failBatch(refused);
                keep(Optional.of(channel), Optional.of(channel.phoneNumberId()), kind, raw, refused(refused), counted);
            }
        }
    }

    private void keep(Optional<Channel> channel, Optional<String> phoneNumberId, String kind, JsonNode raw,
            String reason, List<Counted> counted) {
        if (!quarantine.keep(channel, phoneNumberId, kind, reason, JSON.writeValueAsString(raw))) {
            counted.add(new Counted(kind, Outcome.DUPLICATE));
            return;
        }
        LOG.warn("A webhook {} for phone_number_id {} can never be stored, and is quarantined: {}", kind,
                phoneNumberId.orElse("(none)"), reason);
        counted.add(new Counted(kind, Outcome.QUARANTINED));
    }

    /** Why the database refused an item: its own words, which name no value. */
    private static String refused(DataIntegrityViolationException unstorable) {
        Throwable cause = unstorable.getMostSpecificCause();
        String words = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "the database refused it: " + words.lines().findFirst().orElse("");
    }
}
