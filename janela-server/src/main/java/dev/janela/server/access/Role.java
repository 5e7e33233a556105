package dev.janela.server.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user or a token may do in its account. */
public enum Role {
    /** Everything, users and tokens included. */
    ADMIN,
    /** Conversations and sending; templates read only. */
    AGENT,
    /** Read only: reports, the ledger, rate cards. */
    ANALYST;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The role as the API writes it: {@code admin}, {@code agent}, {@code analyst}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName.equals(name)).findFirst();
    }
}
