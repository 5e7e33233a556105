package dev.janela.server.connector;

import dev.janela.server.channel.Channel;
import dev.janela.server.config.WithSandboxConnector;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.conversation.MessageState;
import dev.janela.server.conversation.StatusReport;
import java.time.Clock;
import java.util.List;
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
 */
@Component
@WithSandboxConnector
class SandboxConnector implements Connector, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxConnector.class);
    private static final List<MessageState> REPORTS = List.of(MessageState.SENT, MessageState.DELIVERED,
            MessageState.READ);

    private final ConversationService conversations;
    private final Clock clock;
    private final Executor reporter;

    @Autowired
    SandboxConnector(ConversationService conversations, Clock clock) {
        this(conversations, clock, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "janela-sandbox");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /**
     * A sandbox that reports on {@code reporter}: after the send's answer, like Meta, on its own thread; or, for
     * tests that read the reports back, on the sender's thread before it answers.
     */
    SandboxConnector(ConversationService conversations, Clock clock, Executor reporter) {
        this.conversations = conversations;
        this.clock = clock;
        this.reporter = reporter;
    }

    @Override
    public void deliver(Channel channel, String wamid, String waId) {
        reporter.execute(() -> {
            try {
                for (MessageState state : REPORTS) {
                    conversations.applyStatus(channel, StatusReport.of(wamid, state, clock.instant()));
                }
            } catch (RuntimeException failure) {
                LOG.error("The sandbox could not report the delivery of {}", wamid, failure);
            }
        });
    }

    @Override
    public void destroy() {
        if (reporter instanceof ExecutorService service) {
            service.shutdown();
        }
    }
}
