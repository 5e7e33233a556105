package dev.janela.core;

import java.util.Optional;

/**
 * A file a user supplied (a rate card, a markets file) is malformed. The message names the file, the line and, where
 * one is to blame, the field: {@code rates.csv:4: price: "-0.01" is negative}.
 */
public final class FileFormatException extends JanelaException {
    private final String source;
    private final int line;
    private final String field;
    private final String problem;

    public FileFormatException(ErrorCode code, String source, int line, String field, String problem) {
        super(code, format(source, line, field, problem));
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    /** The file's name as the user gave it. */
    public String source() {
        return source;
    }

    /** The 1-based line the problem is on, or 0 when it concerns the file as a whole. */
    public int line() {
        return line;
    }

    /** The column to blame, if one is. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** What is wrong, without where. */
    public String problem() {
        return problem;
    }

    private static String format(String source, int line, String field, String problem) {
        StringBuilder message = new StringBuilder(source);
        if (line > 0) {
            message.append(':').append(line);
        }
        message.append(": ");
        if (field != null) {
            message.append(field).append(": ");
        }
        return message.append(problem).toString();
    }
}
