package dev.janela.server.notify;

import dev.janela.server.testfixtures.Api;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The receivers a test subscribes, each stopped after the test: {@code @RegisterExtension final Subscribers
 * subscribers = new Subscribers();}, then {@code subscribers.subscribe(api, "message.received")}.
 */
final class Subscribers implements AfterEachCallback {
    private final List<Subscriber> subscribed = new ArrayList<>();

    /** A new receiver, subscribed to {@code events} of {@code api}'s account. */
    Subscriber subscribe(Api api, String... events) {
        Subscriber subscriber = Subscriber.subscribe(api, events);
        subscribed.add(subscriber);
        return subscriber;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        subscribed.forEach(Subscriber::close);
        subscribed.clear();
    }
}
