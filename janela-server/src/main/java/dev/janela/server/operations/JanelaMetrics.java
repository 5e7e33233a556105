package dev.janela.server.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Janela's own metrics, for Prometheus at {@code /actuator/prometheus}. Amounts here are for dashboards and alerts,
 * in floating point; the ledger, exact, is the record.
 */
@Component
public class JanelaMetrics {
    private final MeterRegistry registry;
    private final Counter webhooks;
    private final Timer decisions;

    JanelaMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.webhooks = Counter.builder("janela.webhooks.received").description("Webhook deliveries with a valid"
                + " signature").register(registry);
        this.decisions = Timer.builder("janela.window.decisions").description("How long the engine takes to"
                + " decide an event of a conversation").register(registry);
    }

    /** What became of an item of a webhook. */
    public enum Outcome {
        APPLIED, DUPLICATE, UNKNOWN_CHANNEL, QUARANTINED
    }

    public void webhookReceived() {
        webhooks.increment();
    }

    /** A webhook delivery was answered {@code status} after {@code nanos}. */
    public void webhookAnswered(int status, long nanos) {
        registry.timer("janela.webhook.deliveries", "status", Integer.toString(status))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * @param type {@code message} or {@code status}
     */
    public void webhookItem(String type, Outcome outcome) {
        registry.counter("janela.webhook.items", "type", type, "result", outcome.name().toLowerCase(Locale.ROOT))
                .increment();
    }

    public void sendAccepted() {
        registry.counter("janela.sends", "outcome", "accepted", "code", "").increment();
    }

    /** A send refused with Meta's {@code code}. */
    public void sendRefused(int code) {
        registry.counter("janela.sends", "outcome", "refused", "code", Integer.toString(code)).increment();
    }

    /**
     * A ledger row: a charge, or a reversal. Counters only grow, so a reversal's amount is counted as it is, under
     * {@code kind="reversal"}: what was charged net is the charges' amount less the reversals'.
     */
    public void charged(String category, String kind, BigDecimal amount, String currency) {
        registry.counter("janela.charges", "category", category, "kind", kind).increment();
        registry.counter("janela.charges.amount", "category", category, "kind", kind, "currency", currency)
                .increment(amount.abs().doubleValue());
    }

    /**
     * What became of one attempt to hand a message to Meta.
     *
     * @param result {@code sent} (Meta gave it an id), {@code retried}, {@code failed} or {@code unknown}
     * @param code Meta's error code; empty when there was none
     */
    public void metaSend(String result, String code) {
        registry.counter("janela.meta.sends", "result", result, "code", code).increment();
    }

    /**
     * What became of one attempt to deliver an event to the business's systems.
     *
     * @param result {@code delivered}, {@code retried}, or {@code failed} for good
     */
    public void eventDelivery(String result) {
        registry.counter("janela.events.deliveries", "result", result).increment();
    }

    /**
     * What became of one of a campaign's recipients.
     *
     * @param outcome {@code accepted} (its message stored and queued), {@code skipped} or {@code failed}
     * @param reason why it was skipped or failed ({@code opted_out}, Meta's code); empty when accepted
     */
    public void campaignRecipient(String outcome, String reason) {
        registry.counter("janela.campaign.recipients", "outcome", outcome, "reason", reason).increment();
    }

    /** A number that is read when it is scraped, such as how many sends wait. */
    public void gauge(String name, String description, Supplier<Number> read) {
        Gauge.builder(name, read).description(description).register(registry);
    }

    /** Runs an engine decision, timing it. */
    public <T> T decision(Supplier<T> decide) {
        return decisions.record(decide);
    }
}
