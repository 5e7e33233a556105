package dev.janela.bench.crash;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every violation the suite found, by kind, each naming the ids involved. Thread-safe. */
final class Violations {
    private final Map<String, List<String>> byKind = new TreeMap<>();

    synchronized void add(String kind, String detail) {
        byKind.computeIfAbsent(kind, any -> new ArrayList<>()).add(detail);
    }

    synchronized int count() {
        return byKind.values().stream().mapToInt(List::size).sum();
    }

    /** Prints each kind with its count and up to {@code perKind} of its violations. */
    synchronized void print(PrintStream out, int perKind) {
        byKind.forEach((kind, details) -> {
            out.println("  VIOLATION " + kind + ": " + details.size());
            details.stream().limit(perKind).forEach(detail -> out.println("    " + detail));
            if (details.size() > perKind) {
                out.println("    ... and " + (details.size() - perKind) + " more");
            }
        });
    }

    /**
     * Ends a run: with none, says so and deletes its working directory; else prints them, keeping the directory and
     * the logs it holds.
     *
     * @return the run's exit status: 0 with no violation, 1 with any
     */
    int finish(PrintStream out, Path work, String took, String logs) throws IOException {
        if (count() == 0) {
            out.println("no violations; took " + took);
            Suite.delete(work);
            return 0;
        }
        out.println(count() + " violations; took " + took + "; " + logs + " are kept in " + work);
        print(out, 20);
        return 1;
    }
}
