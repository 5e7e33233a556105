package dev.janela.server.refusal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reading the values several requests share (a page size, an instant), each problem refused or added to the
 * request's list of them.
 */
public final class Fields {
    private Fields() {
    }

    /**
     * The page size a request asks for: {@code byDefault} if it does not say.
     *
     * @throws Refusal naming the {@code limit} field if it is not from 1 to {@code max}
     */
    public static int limit(Integer value, int byDefault, int max) {
        int size = value == null ? byDefault : value;
        if (size < 1 || size > max) {
            throw Refusal.invalid("limit", "must be from 1 to " + max);
        }
        return size;
    }

    /**
     * Notes the problem with {@code value}, a text a request must give of at most {@code max} characters, if it has
     * one: that it is required, when it is blank, or how long it is, when it is too long.
     */
    public static void requireText(String name, String value, int max, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldError(name, "is required: up to " + max + " characters"));
        } else if (value.length() > max) {
            problems.add(new FieldError(name, "has " + value.length() + " characters; at most " + max));
        }
    }

    /** {@code value} as an instant; empty if it is absent, or (with a problem noted) if it is not an instant. */
    public static Optional<Instant> instant(String name, String value, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(name, "is not an ISO-8601 instant such as 2026-03-01T00:00:00Z"));
            return Optional.empty();
        }
    }
}
