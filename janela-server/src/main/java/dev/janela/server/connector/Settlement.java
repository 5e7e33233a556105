package dev.janela.server.connector;

import dev.janela.server.channel.Channel;
import dev.janela.server.config.JanelaProperties;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.conversation.MessageState;
import dev.janela.server.conversation.Messages;
import dev.janela.server.conversation.StatusReport;
import dev.janela.server.operations.JanelaMetrics;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a send by Meta's answer, in the transaction that settles it:
 * <ul>
 * <li>an id: recorded beside Janela's; Meta's status webhooks take the message from there;</li>
 * <li>a limit (130429, 131056...), Meta's servers failing, or no connection: tried again later, with exponential
 *     backoff and jitter, until the attempts run out and the message fails;</li>
 * <li>any other error: the message fails with Meta's code, and its charge is reversed;</li>
 * <li>no answer (a timeout, a connection lost once the request was written): the message is {@code unknown}. It is
 *     never sent again, since Meta may have it; a status webhook settles it, or an operator once it is flagged.</li>
 * </ul>
 */
final class Settlement {
    private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);

    private final SendQueue queue;
    private final Messages messages;
    private final ConversationService conversations;
    private final JanelaProperties.Sending settings;
    private final Clock clock;
    private final RandomGenerator jitter = RandomGenerator.getDefault();

    Settlement(SendQueue queue, Messages messages, ConversationService conversations,
            JanelaProperties.Sending settings, Clock clock) {
        this.queue = queue;
        this.messages = messages;
        this.conversations = conversations;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What became of a send, to be counted once its transaction commits.
     *
     * @param result {@code sent}, {@code retried}, {@code failed} or {@code unknown}
     * @param code Meta's code for a retry or a failure; empty otherwise
     */
    record Settled(String result, String code) {
        static final Settled SENT = new Settled("sent", "");
        static final Settled UNKNOWN = new Settled("unknown", "");

        /** Whether the send is queued again, for the sender to try when its backoff ends. */
        boolean retried() {
            return result.equals("retried");
        }

        void count(JanelaMetrics metrics) {
            metrics.metaSend(result, code);
        }
    }

    /** Settles {@code send} by Meta's {@code answer}, or by the {@code failure} that stood in for one. */
    Settled settle(Channel channel, SendQueue.Queued send, GraphApi.Answer answer, Throwable failure) {
        Instant now = clock.instant();
        if (failure != null) {
            return settleFailure(channel, send, now, failure);
        } else if (answer.isSuccess()) {
            return settleSuccess(channel, send, now, answer);
        } else if (answer.error().isTransient()) {
            return retryOrFail(channel, send, now, answer.error().describe(), answer.error().messageCode());
        }
        LOG.warn("Meta refused message {} on channel {}: {}", send.wamid(), channel.phoneNumberId(),
                answer.error().describe());
        return fail(channel, send, now, answer.error().messageCode());
    }

    /**
     * Settles a send whose answer will never come: it becomes {@code unknown} and leaves the queue.
     *
     * @param why what happened to the answer, for the log
     */
    Settled unknown(Channel channel, SendQueue.Queued send, Instant now, String why) {
        LOG.warn("Message {} on channel {} is unknown ({}); it is not sent again. A status from Meta will settle"
                + " it", send.wamid(), channel.phoneNumberId(), why);
        conversations.applyStatus(channel, StatusReport.of(send.wamid(), MessageState.UNKNOWN, now));
        queue.remove(send.messageId());
        return Settled.UNKNOWN;
    }

    private Settled settleFailure(Channel channel, SendQueue.Queued send, Instant now, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
            return retryOrFail(channel, send, now, "could not connect to Meta: " + cause.getClass().getSimpleName(),
                    131000);
        } else if (cause instanceof IOException) {
            return unknown(channel, send, now, "no answer from Meta: " + cause.getClass().getSimpleName());
        }
        LOG.error("The send of {} failed before it reached Meta", send.wamid(), cause);
        return fail(channel, send, now, 131000);
    }

    private Settled settleSuccess(Channel channel, SendQueue.Queued send, Instant now, GraphApi.Answer answer) {
        String metaWamid = answer.body().path("messages").path(0).path("id").asString("");
        if (metaWamid.isEmpty()) {
            return unknown(channel, send, now, "Meta's answer named no message id");
        }
        messages.recordMetaAnswer(send.messageId(), metaWamid);
        queue.remove(send.messageId());
        return Settled.SENT;
    }

    private Settled retryOrFail(Channel channel, SendQueue.Queued send, Instant now, String problem, int code) {
        int attempts = send.attempts() + 1;
        if (attempts >= settings.attempts()) {
            LOG.warn("Message {} on channel {} failed after {} attempts: {}", send.wamid(), channel.phoneNumberId(),
                    attempts, problem);
            return fail(channel, send, now, code);
        }
        queue.retryLater(send.messageId(), attempts, now.plus(backoff(attempts)), problem);
        return new Settled("retried", Integer.toString(code));
    }

    /** The delay before attempt {@code attempts + 1}: doubling from the base up to the cap, the upper half random. */
    private Duration backoff(int attempts) {
        Duration full = settings.retryBase().multipliedBy(1L << Math.min(attempts - 1, 30));
        Duration capped = full.compareTo(settings.retryCap()) > 0 ? settings.retryCap() : full;
        long half = capped.toMillis() / 2;
        return Duration.ofMillis(half + jitter.nextLong(half + 1));
    }

    private Settled fail(Channel channel, SendQueue.Queued send, Instant now, int code) {
        conversations.applyStatus(channel, StatusReport.failed(send.wamid(), now, code));
        queue.remove(send.messageId());
        return new Settled("failed", Integer.toString(code));
    }
}
