package dev.janela.server.connector;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Lets the connector take up what an earlier run left undone, once Janela has started. */
@Component
class ConnectorStart {
    private final Connector connector;

    ConnectorStart(Connector connector) {
        this.connector = connector;
    }

    @EventListener
    void started(ApplicationReadyEvent ready) {
        connector.resume();
    }
}
