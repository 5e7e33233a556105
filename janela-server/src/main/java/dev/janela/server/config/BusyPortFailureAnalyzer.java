package dev.janela.server.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A start on a port in use, told with the option that changes it: Spring Boot's own analysis suggests configuring
 * another port, which says nothing to someone who ran {@code janela serve}. Ordered first, so that it answers before
 * Spring Boot's.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class BusyPortFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {
    @Override
    protected FailureAnalysis analyze(Throwable failure, PortInUseException cause) {
        return new FailureAnalysis("Port " + cause.getPort() + " is in use, by another Janela or another program.",
                "Stop it, or start Janela on another port with --port.", cause);
    }
}
