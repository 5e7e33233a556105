package dev.janela.bench;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The command line of {@link TrafficGenerator}.
 *
 * @param events how many distinct events to write; repeated lines come on top
 * @param seed what makes two runs write the same log
 * @param customers how many customers write to the channels
 * @param start when the traffic starts
 * @param out the file to write, or {@code -} for standard output
 */
record GeneratorOptions(int events, long seed, int customers, Instant start, String out) {
    static final String USAGE = "usage: TrafficGenerator --events N --out FILE|- [--seed N] [--customers N]"
            + " [--start INSTANT]";
    static final int MAX_EVENTS = 200_000_000;
    static final int MAX_CUSTOMERS = 5_000_000;
    private static final Instant EARLIEST_START = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST_START = Instant.parse("2100-01-01T00:00:00Z");

    GeneratorOptions {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(out, "out");
    }

    /**
     * Reads {@code --events N --out FILE} and the optional {@code --seed N} (default 42), {@code --customers N}
     * (default 50,000) and {@code --start INSTANT} (default 2026-03-01T00:00:00Z).
     *
     * @throws IllegalArgumentException with a one-line message naming the first problem
     */
    static GeneratorOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int index = 0; index < args.length; index += 2) {
            String option = args[index];
            if (!option.matches("--(events|seed|customers|start|out)")) {
                throw new IllegalArgumentException("unknown option '" + option + "'; " + USAGE);
            }
            if (index + 1 == args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            if (values.put(option, args[index + 1]) != null) {
                throw new IllegalArgumentException(option + " is given twice");
            }
        }
        return new GeneratorOptions(
                count(values, "--events", null, MAX_EVENTS),
                seed(values.getOrDefault("--seed", "42")),
                count(values, "--customers", "50000", MAX_CUSTOMERS),
                start(values.getOrDefault("--start", "2026-03-01T00:00:00Z")),
                required(values, "--out", "FILE (or - for standard output)"));
    }

    private static int count(Map<String, String> values, String option, String defaultValue, int max) {
        String text = defaultValue == null ? required(values, option, "N") : values.getOrDefault(option, defaultValue);
        String problem = option + " must be a whole number from 1 to " + max + ", was '" + text + "'";
        if (!text.matches("[0-9]{1,10}")) {
            throw new IllegalArgumentException(problem);
        }
        long value = Long.parseLong(text);
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(problem);
        }
        return (int) value;
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number (a Java long), was '" + text + "'", e);
        }
    }

    private static Instant start(String text) {
        Instant start;
        try {
            start = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start must be an ISO-8601 instant such as 2026-03-01T00:00:00Z,"
                    + " was '" + text + "'", e);
        }
        if (start.isBefore(EARLIEST_START) || !start.isBefore(LATEST_START)) {
            throw new IllegalArgumentException("--start must be in the years 2000 to 2099, was " + start);
        }
        return start;
    }

    private static String required(Map<String, String> values, String option, String what) {
        String value = values.get(option);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(option + " " + what + " is required; " + USAGE);
        }
        return value;
    }
}
