package dev.janela.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** The hand-written instant reader agrees with java.time on random instants, offsets and fractions. */
class Iso8601Test {
    private static final long MIN_SECOND = Instant.parse("1678-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX_SECOND = Instant.parse("2261-12-31T00:00:00Z").getEpochSecond();

    @RepeatedTest(2000)
    void epochNanos_ofAValidTimestamp_isWhatJavaTimeReads(RepetitionInfo repetition) throws Exception {
        long seed = 0x1508_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        Instant instant = Instant.ofEpochSecond(random.nextLong(MIN_SECOND, MAX_SECOND),
                random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
        String text = OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

        long nanos = new Iso8601().epochNanos(bytes(text), 0, text.length());

        Instant expected = OffsetDateTime.parse(text).toInstant();
        assertThat(EventLineParser.instant(nanos)).as("seed %d: %s", seed, text).isEqualTo(expected);
    }

    @RepeatedTest(3000)
    void epochNanos_ofRandomText_acceptsExactlyWhatTheDocumentedFormAllows(RepetitionInfo repetition) {
        long seed = 0x1509_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        String text = mutate(random, mutate(random, "2024-02-29T23:59:59.123+05:30"));

        assertThat(parse(text)).as("seed %d: %s", seed, text).isEqualTo(documentedReading(text));
    }

    /**
     * One reader remembers the last instant's minute: a run of instants, many in the same minute, some malformed
     * and some in other forms, each read after the others is read as a new reader reads it alone.
     */
    @RepeatedTest(300)
    void epochNanos_ofInstantsReadOneAfterAnother_isAsEachReadAlone(RepetitionInfo repetition) {
        long seed = 0x150A_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        Iso8601 reader = new Iso8601();
        String previous = "2026-03-01T00:00:06Z";
        for (int i = 0; i < 50; i++) {
            String text = switch (random.nextInt(5)) {
                case 0, 1 -> previous.substring(0, 16) + String.format(":%02d", random.nextInt(62))
                        + (random.nextBoolean() ? "Z" : "-03:00");
                case 2 -> previous.substring(0, 16) + (random.nextBoolean() ? "Z" : "+0530");
                case 3 -> mutate(random, previous);
                default -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextLong(MIN_SECOND, MAX_SECOND)),
                        ZoneOffset.ofHours(random.nextInt(-12, 13))).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            };
            assertThat(parse(reader, text)).as("seed %d, instant %d: %s", seed, i, text).isEqualTo(parse(text));
            if (text.length() >= 16) {
                previous = text;
            }
        }
    }

    private static Optional<Instant> parse(String text) {
        return parse(new Iso8601(), text);
    }

    private static Optional<Instant> parse(Iso8601 reader, String text) {
        try {
            return Optional.of(EventLineParser.instant(reader.epochNanos(bytes(text), 0, text.length())));
        } catch (Iso8601.Invalid e) {
            return Optional.empty();
        }
    }

    /**
     * What the documented form reads {@code text} as: java.time's ISO offset date-time, widened as RFC 3339 allows
     * (a space or {@code t} for {@code T}, {@code z} for {@code Z}, a comma before the fraction) and to offsets
     * written {@code ±HHMM} or {@code ±HH}, within the years 1678 to 2261.
     */
    private static Optional<Instant> documentedReading(String text) {
        String normalised = text.replaceFirst("^(\\d{4}-\\d{2}-\\d{2})[t ]", "$1T")
                .replaceFirst("z$", "Z")
                .replaceFirst("(T\\d{2}:\\d{2}:\\d{2}),(\\d)", "$1.$2")
                .replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")
                .replaceFirst("([+-]\\d{2})$", "$1:00");
        if (normalised.matches(".*[+-]\\d{2}:\\d{2}:\\d{2}$")) {
            return Optional.empty();
        }
        try {
            Instant instant = OffsetDateTime.parse(normalised, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            int year = instant.atOffset(ZoneOffset.UTC).getYear();
            return year >= 1678 && year <= 2261 ? Optional.of(instant) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code text} with one character replaced, inserted or removed. */
    private static String mutate(SplittableRandom random, String text) {
        String alphabet = "0123456789-:T.+Z tz,";
        int position = random.nextInt(text.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, position) + c + text.substring(position + 1);
            case 1 -> text.substring(0, position) + c + text.substring(position);
            default -> text.substring(0, position) + text.substring(position + 1);
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
