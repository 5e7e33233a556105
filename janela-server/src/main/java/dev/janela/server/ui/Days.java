package dev.janela.server.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Days as the pages show them, in the reader's language ({@code Mar 2, 2026}, {@code 2 de mar. de 2026}): the style
 * the browser gives the times beside them, so that one page shows one format.
 */
@Component("days")
public class Days {
    public String format(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    /**
     * The day in UTC that {@code instant} starts, written as {@link #format} writes days; null when it is not the start
     * of a day. A rate card takes effect from the start of a day in UTC, which the reader's own time zone would show
     * as the evening before.
     */
    public String startOfUtcDay(Instant instant, Locale locale) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant) ? format(day, locale) : null;
    }
}
