package dev.janela.server.report;

import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Fields;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The period a report covers, from its {@code from} and {@code to} parameters: by default from the start of the
 * month (UTC) to now. A bad or empty period adds its problem to {@code problems}.
 */
record Span(Instant from, Instant to) {
    static Span of(String from, String to, Clock clock, List<FieldError> problems) {
        Instant now = clock.instant();
        Instant monthStart = now.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        Instant start = Fields.instant("from", from, problems).orElse(monthStart);
        Instant end = Fields.instant("to", to, problems).orElse(now);
        if (problems.isEmpty() && !start.isBefore(end)) {
            problems.add(new FieldError("to", "must be after from"));
        }
        return new Span(start, end);
    }
}
