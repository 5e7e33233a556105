package dev.janela.server.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events a business's systems may subscribe to, by the names receivers see in {@code type}. */
public enum EventType {
    /** A customer's message arrived. */
    MESSAGE_RECEIVED("message.received"),
    /** A message the business sent moved on: sent, delivered, read, failed, or its outcome is unknown. */
    MESSAGE_STATUS("message.status"),
    /** A session started, and was charged (under the {@code session} model). */
    SESSION_OPENED("session.opened"),
    /** A session ended: replaced by the next, or ended by a failed send. */
    SESSION_ENDED("session.ended"),
    /** A ledger row was written: a charge, or the reversal of one. */
    CHARGE_RECORDED("charge.recorded"),
    /** A business number used 80%, then all, of its free service messages of the month ({@code pmp-2026}). */
    FREE_SERVICE_THRESHOLD("free_service.threshold"),
    /** A campaign began sending, at its start time. */
    CAMPAIGN_STARTED("campaign.started"),
    /** A campaign has nothing left to send: every recipient was sent, skipped or failed. */
    CAMPAIGN_FINISHED("campaign.finished");

    /** Every type's name, in the order above. */
    public static final List<String> NAMES = Arrays.stream(values()).map(EventType::wireName).toList();

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name receivers see: {@code message.status}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
