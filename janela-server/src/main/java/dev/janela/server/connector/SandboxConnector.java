package dev.janela.server.connector;

import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.config.WithSandboxConnector;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.conversation.MessageState;
import dev.janela.server.conversation.Messages;
import dev.janela.server.conversation.StatusReport;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The connector for trying Janela without Meta: every message is "delivered" at once, and reported {@code sent},
 * {@code delivered} and {@code read} through the same code path as Meta's status webhooks. The default
 * ({@code JANELA_CONNECTOR=sandbox}).
 *
 * <p>The reports are made after the send's commit, off the sender's thread, so a process that stops in between
 * leaves its messages {@code pending}, or {@code sent} or {@code delivered} if it stopped halfway: in the sandbox every
 * message ends {@code read}, so a message short of it is itself the record of the reports owed. On the next start
 * ({@link #resume}) the sandbox reports every outbound message short of {@code read} (and not {@code failed}) that was
 * stored before it started, and that never reached Meta (in a database once used with Meta's connector, a message Meta
 * delivered may rightly stay {@code delivered}). A message whose reports another process is making at that moment (it
 * accepted the send, or it started too) is reported twice; Janela applies each report of a state once, so the second
 * changes nothing.
 */
@Component
@WithSandboxConnector
class SandboxConnector implements Connector, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxConnector.class);
    private static final List<MessageState> REPORTS = List.of(MessageState.SENT, MessageState.DELIVERED,
            MessageState.READ);
    /** The states of a message whose reports are not all made. */
    private static final Set<MessageState> SHORT_OF_READ = EnumSet.of(MessageState.PENDING, MessageState.SENT,
            MessageState.DELIVERED);
    /** How many messages one query of {@link #resume} reads. */
    private static final int PAGE = 500;

    private final ConversationService conversations;
    private final Messages messages;
    private final Channels channels;
    private final Clock clock;
    private final Executor reporter;

    @Autowired
    SandboxConnector(ConversationService conversations, Messages messages, Channels channels, Clock clock) {
        this(conversations, messages, channels, clock, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "janela-sandbox");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /**
     * A sandbox that reports on {@code reporter}: after the send's answer, like Meta, on its own thread; or, for
     * tests that read the reports back, on the sender's thread before it answers.
     */
    SandboxConnector(ConversationService conversations, Messages messages, Channels channels, Clock clock,
            Executor reporter) {
        this.conversations = conversations;
        this.messages = messages;
        this.channels = channels;
        this.clock = clock;
        this.reporter = reporter;
    }

    @Override
    public void deliver(Channel channel, String wamid, String customer) {
        reporter.execute(() -> report(channel, wamid));
    }

    /** Reports, on the reporter's thread, the messages an earlier run left short of {@code read}. */
    @Override
    public void resume() {
        reporter.execute(() -> {
            try {
                long reported = reportLeftUnread(messages.lastId());
                if (reported > 0) {
                    LOG.info("The sandbox reported {} messages an earlier run left unreported", reported);
                }
            } catch (RuntimeException failure) {
                LOG.error("The sandbox could not report the messages an earlier run left unreported", failure);
            }
        });
    }

    /**
     * Reports every outbound message short of {@code read} up to {@code upTo}, the last message stored when the
     * sandbox resumed: those stored later are this run's, and their reports are on their way.
     */
    private long reportLeftUnread(long upTo) {
        Map<Long, Optional<Channel>> channelsById = new HashMap<>();
        long reported = 0;
        List<Messages.Outgoing> page = messages.outgoingNeverAtMeta(SHORT_OF_READ, 0, upTo, PAGE);
        while (!page.isEmpty()) {
            for (Messages.Outgoing message : page) {
                Optional<Channel> channel = channelsById.computeIfAbsent(message.channelId(), channels::findById);
                if (channel.isPresent() && report(channel.get(), message.wamid())) {
                    reported++;
                }
            }
            page = messages.outgoingNeverAtMeta(SHORT_OF_READ, page.get(page.size() - 1).id(), upTo, PAGE);
        }
        return reported;
    }

    /** Reports the message sent, delivered and read; returns whether it could, and logs why not. */
    private boolean report(Channel channel, String wamid) {
        try {
            for (MessageState state : REPORTS) {
                conversations.applyStatus(channel, StatusReport.of(wamid, state, clock.instant()));
            }
            return true;
        } catch (RuntimeException failure) {
            LOG.error("The sandbox could not report the delivery of {}", wamid, failure);
            return false;
        }
    }

    @Override
    public void destroy() {
        if (reporter instanceof ExecutorService service) {
            service.shutdown();
        }
    }
}
