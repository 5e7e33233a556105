package dev.janela.core.engine;

/** What became of an event. */
public enum Outcome {
    /** Applied: a customer's message, or a business message that may be sent now. */
    ACCEPTED,
    /**
     * R8: a free-form message with no open window. Nothing is sent, charged or changed; the platform's error is
     * {@code 131047} "Re-engagement message".
     */
    REFUSED_OUTSIDE_WINDOW,
    /** A business message the platform reported as failed: never charged, opens nothing (R11). */
    NOT_DELIVERED;

    /** The platform's error code for free-form messages outside the window. */
    public static final int REENGAGEMENT_ERROR_CODE = 131047;
    /** The platform's title for {@link #REENGAGEMENT_ERROR_CODE}. */
    public static final String REENGAGEMENT_ERROR_TITLE = "Re-engagement message";
}
