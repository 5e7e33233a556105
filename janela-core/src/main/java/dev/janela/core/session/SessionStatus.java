package dev.janela.core.session;

import java.util.Locale;

/** Where a session is in its life. */
public enum SessionStatus {
    /** Business-initiated and waiting for the customer's reply; its window is not open yet. */
    PENDING,
    /** The window is open until {@code window_expires_at}. */
    ACTIVE,
    /** Over: its window closed, it was replaced, or its opening template failed. */
    ENDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
