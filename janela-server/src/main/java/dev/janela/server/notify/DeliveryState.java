package dev.janela.server.notify;

import java.util.Locale;

/** Where an event's delivery to one receiver stands. */
enum DeliveryState {
    /** Not taken yet: due at its next attempt. */
    PENDING,
    /** A receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed; Janela tries again only when asked to redeliver it. */
    FAILED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    String wireName() {
        return wireName;
    }

    static DeliveryState fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
