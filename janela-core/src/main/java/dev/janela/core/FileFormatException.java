package dev.janela.core;

import dev.janela.core.internal.Plural;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A file a user supplied (a rate card, a markets file) is malformed. The message names the file, the line and, where
 * one is to blame, the field: {@code rates.csv:4: price: "-0.01" is negative}. A file bad on several lines is reported
 * whole, so that one answer names every line to fix: how many lines are bad, then each problem of the first
 * {@value #MOST_LINES_LISTED} of them, then how many more there are. A parser makes one for each problem it finds, so
 * none carries a stack trace, which would say nothing the message does not.
 */
public final class FileFormatException extends JanelaException {
    /** The most lines whose problems are listed: enough to fix a file by, few enough to read. */
    public static final int MOST_LINES_LISTED = 50;

    /**
     * One thing wrong in a file.
     *
     * @param line the 1-based line it is on, or 0 when it concerns the file as a whole
     * @param field the column to blame, or null when none is
     * @param problem what is wrong, without where
     */
    public record Problem(int line, String field, String problem) {
        public Problem {
            Objects.requireNonNull(problem, "problem");
        }
    }

    private final String source;
    private final List<Problem> problems;
    private final int linesNotListed;

    public FileFormatException(ErrorCode code, String source, int line, String field, String problem) {
        this(code, source, List.of(new Problem(line, field, problem)), 0);
    }

    /**
     * A file with {@code problems}, in the order of its lines: those of its first bad lines, up to
     * {@link #MOST_LINES_LISTED}; {@code linesNotListed} counts the bad lines after them.
     */
    public FileFormatException(ErrorCode code, String source, List<Problem> problems, int linesNotListed) {
        super(code, format(source, problems, linesNotListed), false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a malformed file has a problem");
        }
        this.source = source;
        this.problems = List.copyOf(problems);
        this.linesNotListed = linesNotListed;
    }

    /** The file's name as the user gave it. */
    public String source() {
        return source;
    }

    /** The 1-based line the first problem is on, or 0 when it concerns the file as a whole. */
    public int line() {
        return problems.get(0).line();
    }

    /** The column to blame for the first problem, if one is. */
    public Optional<String> field() {
        return Optional.ofNullable(problems.get(0).field());
    }

    /** What the first problem is, without where. */
    public String problem() {
        return problems.get(0).problem();
    }

    /** Every problem listed, in the order of their lines; a line may have several, one a field. */
    public List<Problem> problems() {
        return problems;
    }

    /** How many bad lines follow those whose problems are listed. */
    public int linesNotListed() {
        return linesNotListed;
    }

    /** How many lines are at fault, listed or not. */
    public int badLines() {
        return badLines(problems, linesNotListed);
    }

    private static int badLines(List<Problem> problems, int linesNotListed) {
        return (int) problems.stream().mapToInt(Problem::line).distinct().count() + linesNotListed;
    }

    private static String format(String source, List<Problem> problems, int linesNotListed) {
        if (problems.size() == 1 && linesNotListed == 0) {
            return format(source, problems.get(0));
        }
        int badLines = badLines(problems, linesNotListed);
        StringBuilder message = new StringBuilder(source).append(": ").append(Plural.of(badLines, "line"))
                .append(badLines == 1 ? " is" : " are").append(" invalid");
        for (Problem problem : problems) {
            message.append('\n').append(format(source, problem));
        }
        if (linesNotListed > 0) {
            message.append("\nand ").append(Plural.of(linesNotListed, "more line"));
        }
        return message.toString();
    }

    private static String format(String source, Problem problem) {
        StringBuilder message = new StringBuilder(source);
        if (problem.line() > 0) {
            message.append(':').append(problem.line());
        }
        message.append(": ");
        if (problem.field() != null) {
            message.append(problem.field()).append(": ");
        }
        return message.append(problem.problem()).toString();
    }
}
