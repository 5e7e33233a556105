package dev.janela.core;

import java.util.Objects;

/**
 * The root of every failure the core reports on purpose. Each carries a stable {@link ErrorCode}; its message says
 * what was expected, what arrived, and what the user can do, and never contains secrets or message bodies.
 */
public class JanelaException extends RuntimeException {
    private final ErrorCode code;

    public JanelaException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * For failures expected in bulk (one per malformed line of a large file): no stack trace is captured, since
     * the message alone says what went wrong and capturing one per line would dominate the cost of a replay.
     */
    protected JanelaException(ErrorCode code, String message, boolean withStackTrace) {
        super(message, null, false, withStackTrace);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
