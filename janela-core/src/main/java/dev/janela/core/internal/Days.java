package dev.janela.core.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** How Janela's files and options name a moment: a day, or an exact instant. */
public final class Days {
    private Days() {
    }

    /**
     * The instant {@code text} names: a day ({@code 2025-07-01}), which begins at midnight in {@code zone}, or an
     * ISO-8601 instant ({@code 2025-07-01T03:00:00Z}). Empty when it is neither.
     */
    public static Optional<Instant> dayOrInstant(String text, ZoneId zone) {
        try {
            return Optional.of(text.length() == 10 ? LocalDate.parse(text).atStartOfDay(zone).toInstant()
                    : Instant.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
