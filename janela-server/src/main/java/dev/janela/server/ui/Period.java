package dev.janela.server.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A period the pages report on: whole days in UTC, as the ledger's reports group them, from {@code from} through
 * {@code to}. A form's empty or unreadable date means this month so far.
 */
public record Period(LocalDate from, LocalDate to) {
    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends " + to + ", before it starts " + from);
        }
    }

    public static Period of(String from, String to, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = date(from).orElse(today.withDayOfMonth(1));
        LocalDate end = date(to).orElse(today);
        return end.isBefore(start) ? new Period(end, start) : new Period(start, end);
    }

    /** The first instant of the period, as the API takes it. */
    public String start() {
        return from.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
    }

    /** The instant just after the period: the start of the day after {@code to}. */
    public String end() {
        Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return end.toString();
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
