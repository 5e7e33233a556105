package dev.janela.server.webhook;

import dev.janela.core.JanelaException;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.conversation.IdentityChange;
import dev.janela.server.conversation.Inbound;
import dev.janela.server.conversation.StatusReport;
import dev.janela.server.operations.JanelaMetrics;
import dev.janela.server.operations.JanelaMetrics.Outcome;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.template.MetaTemplateUpdates;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies what a delivery of Meta's webhooks carries, once its signature is checked: the one path customers'
 * messages and delivery reports take, from Meta or from the sandbox's simulated customers; and changes to the
 * account's templates at Meta. Each item is applied in its own transaction, and once only. An item Janela can never
 * store is quarantined whole, with the reason ({@link Quarantine}), and the rest applied, so that the delivery can be
 * answered 200 and Meta stops sending it; only a failure that may pass (an item that cannot be priced yet, the
 * database out of reach) leaves the delivery unanswered, for Meta to deliver again.
 */
@Component
public class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Channels channels;
    private final ConversationService conversations;
    private final JanelaMetrics metrics;
    private final MetaTemplateUpdates templates;
    private final Quarantine quarantine;

    Deliveries(Channels channels, ConversationService conversations, JanelaMetrics metrics,
            MetaTemplateUpdates templates, Quarantine quarantine) {
        this.channels = channels;
        this.conversations = conversations;
        this.metrics = metrics;
        this.templates = templates;
        this.quarantine = quarantine;
    }

    /**
     * Applies every item of {@code payload}, a webhook body.
     *
     * @throws Refusal with {@link Reason#UNAVAILABLE} if an item cannot be applied yet (it cannot be priced): Meta
     *     then delivers it again
     */
    public void apply(JsonNode payload) {
        WebhookPayload.Contents contents = WebhookPayload.read(payload);
        contents.unattributed().forEach(item -> keep(Optional.empty(), Optional.empty(), item.kind(), item.raw(),
                item.reason()));
        for (WebhookPayload.ChannelItems items : contents.channels()) {
            try {
                apply(items);
            } catch (JanelaException cannotApplyYet) {
                // Meta delivers it again until it is answered 200: once the account is fixed, nothing is lost.
                LOG.warn("A webhook for phone_number_id {} was not applied, and Meta will deliver it again: {}",
                        items.phoneNumberId(), cannotApplyYet.getMessage());
                throw new Refusal(Reason.UNAVAILABLE, cannotApplyYet.getMessage());
            }
        }
        for (WebhookPayload.TemplateChange change : WebhookPayload.templateChanges(payload)) {
            try {
                templates.applyWebhook(change.wabaId(), change.field(), change.value());
            } catch (DataIntegrityViolationException unstorable) {
                keep(Optional.empty(), Optional.empty(), "template", change.value(), refused(unstorable));
            }
        }
    }

    private void apply(WebhookPayload.ChannelItems items) {
        Optional<Channel> channel = channels.findByPhoneNumberId(items.phoneNumberId());
        items.unstorable().forEach(item -> keep(channel, Optional.of(items.phoneNumberId()), item.kind(), item.raw(),
                item.reason()));
        if (channel.isEmpty()) {
            items.messages().forEach(message -> metrics.webhookItem("message", Outcome.UNKNOWN_CHANNEL));
            items.changes().forEach(change -> metrics.webhookItem("message", Outcome.UNKNOWN_CHANNEL));
            items.statuses().forEach(status -> metrics.webhookItem("status", Outcome.UNKNOWN_CHANNEL));
            LOG.warn("A webhook for phone_number_id {}, which no channel has, was ignored; add the channel with"
                    + " POST /api/channels", items.phoneNumberId());
            return;
        }
        // A change first, so that messages in the same delivery from the new number reach the same customer.
        for (WebhookPayload.Item<IdentityChange> change : items.changes()) {
            apply(channel.get(), "message", change.raw(), () -> conversations.changeIdentity(channel.get(),
                    change.value()));
        }
        for (WebhookPayload.Item<Inbound> message : items.messages()) {
            apply(channel.get(), "message", message.raw(), () -> conversations.receive(channel.get(),
                    message.value()));
        }
        for (WebhookPayload.Item<StatusReport> status : items.statuses()) {
            apply(channel.get(), "status", status.raw(), () -> conversations.applyStatus(channel.get(),
                    status.value()));
        }
    }

    /** Applies one item; one the database refuses for good is quarantined, as it would be refused again. */
    private void apply(Channel channel, String kind, JsonNode raw, BooleanSupplier applying) {
        try {
            metrics.webhookItem(kind, applying.getAsBoolean() ? Outcome.APPLIED : Outcome.DUPLICATE);
        } catch (DataIntegrityViolationException unstorable) {
            keep(Optional.of(channel), Optional.of(channel.phoneNumberId()), kind, raw, refused(unstorable));
        }
    }

    private void keep(Optional<Channel> channel, Optional<String> phoneNumberId, String kind, JsonNode raw,
            String reason) {
        if (!quarantine.keep(channel, phoneNumberId, kind, reason, JSON.writeValueAsString(raw))) {
            metrics.webhookItem(kind, Outcome.DUPLICATE);
            return;
        }
        LOG.warn("A webhook {} for phone_number_id {} can never be stored, and is quarantined: {}", kind,
                phoneNumberId.orElse("(none)"), reason);
        metrics.webhookItem(kind, Outcome.QUARANTINED);
    }

    /** Why the database refused an item: its own words, which name no value. */
    private static String refused(DataIntegrityViolationException unstorable) {
        Throwable cause = unstorable.getMostSpecificCause();
        String words = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "the database refused it: " + words.lines().findFirst().orElse("");
    }
}
