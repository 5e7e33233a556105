package dev.janela.core.session;

/** The state of a conversation that has never had a session. */
public enum NoSession implements SessionState {
    INSTANCE
}
