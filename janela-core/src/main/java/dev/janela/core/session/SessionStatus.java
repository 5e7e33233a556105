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

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in files and APIs. */
    public String wireName() {
        return wireName;
    }
}
