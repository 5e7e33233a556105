package dev.janela.server.ui;

import java.time.LocalDate;
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
}
