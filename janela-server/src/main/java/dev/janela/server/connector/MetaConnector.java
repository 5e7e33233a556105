package dev.janela.server.connector;

import dev.janela.core.customer.Bsuid;
import dev.janela.server.channel.Channel;
import dev.janela.server.config.JanelaProperties;
import dev.janela.server.config.WithMetaConnector;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connector to Meta's Cloud API ({@code JANELA_CONNECTOR=meta}). A send is queued in the transaction that
 * stores it and sent by the {@link MetaDispatcher} within Meta's limits. A send that would wait in the queue longer
 * than {@code janela.meta.sending.max-queue-wait} is refused at once with Meta's own limit error, and nothing is
 * charged: it is better that the caller knows now than that the message goes out much later. The channel's queue is
 * counted once a second ({@link QueueLengths}); a customer's, which is short, for each send.
 */
@Component
@WithMetaConnector
class MetaConnector implements Connector {
    private final SendQueue queue;
    private final MetaDispatcher dispatcher;
    private final JsonMapper json;
    private final Clock clock;
    private final JanelaProperties.Sending settings;
    private final QueueLengths lengths;

    MetaConnector(SendQueue queue, MetaDispatcher dispatcher, JsonMapper json, Clock clock,
            JanelaProperties.Sending settings) {
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.lengths = new QueueLengths(queue::onChannel, clock);
    }

    @Override
    public void admit(Channel channel, String customer) {
        long forCustomer = queue.forCustomer(channel.id(), customer);
        if (settings.pairInterval().multipliedBy(Math.max(0, forCustomer + 1 - settings.pairBurst()))
                .compareTo(settings.maxQueueWait()) > 0) {
            throw new Refusal(Reason.PAIR_RATE_LIMIT, forCustomer + " messages to this customer wait for"
                    + " Meta's pair limit already; try again later");
        }
        long forChannel = lengths.onChannel(channel.id());
        if (Duration.ofSeconds(forChannel / channel.throughput()).compareTo(settings.maxQueueWait()) > 0) {
            throw new Refusal(Reason.THROUGHPUT_REACHED, forChannel + " messages wait for the number's"
                    + " throughput of " + channel.throughput() + " a second already; try again later");
        }
    }

    @Override
    public void accept(Channel channel, long messageId, String wamid, String customer, JsonNode request) {
        queue.add(channel, messageId, wamid, customer, json.writeValueAsString(forMeta(request, wamid, customer)),
                clock.instant());
        lengths.added(channel.id());
    }

    /**
     * The request as Meta gets it: to the customer's number as Janela read it, or to the BSUID the client addressed
     * ({@code recipient}) when it gave no number, and with Janela's id for Meta to echo
     * in every status, which is how a message whose answer was lost is still recognised. A
     * {@code biz_opaque_callback_data} the client set is kept with the message, and Janela's status events echo it.
     */
    private static JsonNode forMeta(JsonNode request, String wamid, String customer) {
        ObjectNode copy = ((ObjectNode) request).deepCopy();
        if (Bsuid.looksLikeOne(customer)) {
            copy.remove("to");
            copy.put("recipient", customer);
        } else {
            copy.put("to", customer);
        }
        copy.put("biz_opaque_callback_data", wamid);
        return copy;
    }

    @Override
    public void deliver(Channel channel, String wamid, String customer) {
        dispatcher.wake(channel);
    }
}
