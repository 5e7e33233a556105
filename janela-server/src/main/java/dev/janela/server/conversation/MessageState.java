package dev.janela.server.conversation;

import java.util.Locale;

/**
 * Where a message is. Outbound: {@code pending} when accepted, then {@code sent}, {@code delivered}, {@code read} as
 * the platform reports, or {@code failed}; {@code unknown} when the connector lost the answer (it is never sent
 * again blindly). Inbound messages are {@code received}.
 */
public enum MessageState {
    RECEIVED(0),
    PENDING(0),
    UNKNOWN(1),
    SENT(2),
    DELIVERED(3),
    READ(4),
    FAILED(5);

    private final int progress;
    private final String wireName = name().toLowerCase(Locale.ROOT);

    MessageState(int progress) {
        this.progress = progress;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The state after the platform reports {@code reported}: states only move forward, since reports arrive in any
     * order ({@code read} may come before {@code delivered}); a failure after delivery is not believed. A pending
     * message whose send lost its answer becomes {@code unknown}, and any report from the platform settles it.
     */
    public MessageState after(MessageState reported) {
        if (this == FAILED || reported == FAILED && progress >= DELIVERED.progress) {
            return this;
        }
        return reported.progress > progress ? reported : this;
    }
}
