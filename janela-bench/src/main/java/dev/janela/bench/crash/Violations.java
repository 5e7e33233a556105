package dev.janela.bench.crash;

import java.io.PrintStream;
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
}
