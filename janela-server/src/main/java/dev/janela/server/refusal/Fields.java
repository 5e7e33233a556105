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
