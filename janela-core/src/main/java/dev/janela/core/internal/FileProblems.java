package dev.janela.core.internal;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The problems a parser finds in a file, line by line and in any order, to be reported together: those of the first
 * {@value FileFormatException#MOST_LINES_LISTED} bad lines are kept, the later ones only counted, so that a file of
 * nothing but bad lines costs no more than the lines it lists.
 */
public final class FileProblems {
    private final ErrorCode code;
    private final String source;
    private final TreeMap<Integer, List<FileFormatException.Problem>> byLine = new TreeMap<>();
    private int linesNotListed;

    public FileProblems(ErrorCode code, String source) {
        this.code = code;
        this.source = source;
    }

    /** Notes what is wrong with one line: {@code line}, once, with every problem found on it. */
    public void add(List<FileFormatException> line) {
        List<FileFormatException.Problem> problems = new ArrayList<>();
        line.forEach(found -> problems.addAll(found.problems()));
        byLine.put(line.get(0).line(), problems);
        if (byLine.size() > FileFormatException.MOST_LINES_LISTED) {
            byLine.pollLastEntry();
            linesNotListed++;
        }
    }

    /**
     * Reports what was found, if anything.
     *
     * @throws FileFormatException naming every line found at fault, or the first of them and how many more there
     *     are
     */
    public void throwIfAny() {
        if (byLine.isEmpty()) {
            return;
        }
        List<FileFormatException.Problem> listed = new ArrayList<>();
        byLine.values().forEach(listed::addAll);
        throw new FileFormatException(code, source, listed, linesNotListed);
    }
}
