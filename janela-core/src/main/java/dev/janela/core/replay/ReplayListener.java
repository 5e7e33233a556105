package dev.janela.core.replay;

/**
 * Hears how a replay is going. Called from the thread that runs the replay, so implementations need not be
 * thread-safe; they should return quickly.
 */
public interface ReplayListener {
    /** Hears nothing. */
    ReplayListener NONE = new ReplayListener() {
    };

    /** The stages of a replay, in order. */
    enum Stage {
        /** Parsing lines; progress counts bytes. */
        READING,
        /** Rating events in time order; progress counts events. */
        RATING
    }

    /**
     * A line was skipped because it is not a valid event (never called in strict mode, where the first such line
     * ends the replay). Lines are reported in file order.
     *
     * @param line the 1-based line number
     * @param problem what is wrong with it
     */
    default void invalidLine(long line, String problem) {
    }

    /** Progress within a stage: {@code done} of {@code total} bytes or events. */
    default void progress(Stage stage, long done, long total) {
    }
}
