package dev.janela.server.conversation;

import java.util.Locale;

/** Which way a message went: from the customer ({@code in}) or to them ({@code out}). */
public enum Direction {
    IN,
    OUT;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** As the database and the API write it. */
    public String wireName() {
        return wireName;
    }
}
