package dev.janela.server.testfixtures;

import dev.janela.server.channel.Channel;
import dev.janela.server.connector.Connector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sandbox, reporting each delivery before the send answers; or, after {@link #holdReports()}, reporting nothing,
 * so that a test can play Meta's status webhooks itself. Remembers what it was given to deliver. It takes nothing up
 * when the server starts ({@link Connector#resume} does nothing): a test restarts a sandbox of its own.
 */
public final class TestConnector implements Connector {
    private final Connector sandbox;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private volatile boolean reporting = true;

    TestConnector(Connector sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void deliver(Channel channel, String wamid, String waId) {
        delivered.add(wamid);
        if (reporting) {
            sandbox.deliver(channel, wamid, waId);
        }
    }

    /** From now on until the next test, messages are delivered without any report. */
    public void holdReports() {
        reporting = false;
    }

    /** The ids of the messages given to deliver, in order. */
    public List<String> delivered() {
        return List.copyOf(delivered);
    }

    void reset() {
        reporting = true;
        delivered.clear();
    }
}
