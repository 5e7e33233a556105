package dev.janela.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations as people write them on a command line: {@code 24h}, {@code 90m}, {@code 2d}, or ISO-8601's
 * {@code PT24H}.
 */
final class Durations implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

    @Override
    public Duration convert(String text) {
        Matcher matcher = SHORT.matcher(text.toLowerCase(Locale.ROOT));
        Duration duration;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a duration such as 24h, 90m"
                        + " or PT24H");
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a positive duration");
        }
        return duration;
    }
}
