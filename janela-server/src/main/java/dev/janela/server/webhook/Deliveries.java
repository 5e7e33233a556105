package dev.janela.server.webhook;

import dev.janela.core.JanelaException;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.conversation.Inbound;
import dev.janela.server.conversation.StatusReport;
import dev.janela.server.operations.JanelaMetrics;
import dev.janela.server.operations.JanelaMetrics.Outcome;
import dev.janela.server.template.MetaTemplateUpdates;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Applies what a delivery of Meta's webhooks carries, once its signature is checked: the one path customers'
 * messages and delivery reports take, from Meta or from the sandbox's simulated customers; and changes to the
 * account's templates at Meta. Each item
 * is applied in its own transaction, and once only.
 */
@Component
public class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final Channels channels;
    private final ConversationService conversations;
    private final JanelaMetrics metrics;
    private final MetaTemplateUpdates templates;

    Deliveries(Channels channels, ConversationService conversations, JanelaMetrics metrics,
            MetaTemplateUpdates templates) {
        this.channels = channels;
        this.conversations = conversations;
        this.metrics = metrics;
        this.templates = templates;
    }

    /**
     * Applies every item of {@code payload}, a webhook body.
     *
     * @throws JanelaException if an item cannot be applied (it cannot be priced): Meta then delivers it again
     */
    public void apply(JsonNode payload) {
        for (WebhookPayload.ChannelItems items : WebhookPayload.read(payload)) {
            try {
                apply(items);
            } catch (JanelaException cannotApply) {
                // Meta delivers it again until it is answered 200: once the account is fixed, nothing is lost.
                LOG.warn("A webhook for phone_number_id {} was not applied, and Meta will deliver it again: {}",
                        items.phoneNumberId(), cannotApply.getMessage());
                throw cannotApply;
            }
        }
        for (WebhookPayload.TemplateChange change : WebhookPayload.templateChanges(payload)) {
            templates.applyWebhook(change.wabaId(), change.field(), change.value());
        }
    }

    private void apply(WebhookPayload.ChannelItems items) {
        Optional<Channel> channel = channels.findByPhoneNumberId(items.phoneNumberId());
        if (channel.isEmpty()) {
            items.messages().forEach(message -> metrics.webhookItem("message", Outcome.UNKNOWN_CHANNEL));
            items.statuses().forEach(status -> metrics.webhookItem("status", Outcome.UNKNOWN_CHANNEL));
            LOG.warn("A webhook for phone_number_id {}, which no channel has, was ignored; add the channel with"
                    + " POST /api/channels", items.phoneNumberId());
            return;
        }
        for (Inbound message : items.messages()) {
            boolean applied = conversations.receive(channel.get(), message);
            metrics.webhookItem("message", applied ? Outcome.APPLIED : Outcome.DUPLICATE);
        }
        for (StatusReport status : items.statuses()) {
            boolean applied = conversations.applyStatus(channel.get(), status);
            metrics.webhookItem("status", applied ? Outcome.APPLIED : Outcome.DUPLICATE);
        }
    }
}
