package dev.janela.core.replay;

/**
 * Reads ISO-8601 instants as traffic logs write them, in the extended form RFC 3339 profiles:
 * {@code 2026-03-02T10:00:00Z}, {@code 2026-03-02T07:00:00.125-03:00}; seconds and their fraction (up to nine
 * digits) are optional, and the offset is {@code Z}, {@code ±HH:MM}, {@code ±HHMM} or {@code ±HH}. Without an offset
 * the instant is ambiguous and rejected. Works on bytes, without building strings or any other object: a replay
 * reads millions of instants a second, and the JIT it runs with does not take short-lived objects away.
 *
 * <p>Not thread-safe: each parser keeps its own.
 */
final class Iso8601 {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** The years a {@code long} of nanoseconds since 1970 holds whole: 1678 to 2261. */
    private static final long FIRST_SECOND = epochDay(1678, 1, 1) * 86_400L;
    private static final long END_SECOND = epochDay(2262, 1, 1) * 86_400L;
    private static final String EXAMPLE = "an ISO-8601 instant such as 2026-03-02T10:00:00Z";

    /** The length of the date, its separator, the hour and the minute: {@code 2026-03-02T10:00}. */
    private static final int MINUTE_LENGTH = 16;

    /** The text being read: {@code text[position, end)} is what is left of it. */
    private byte[] text;
    private int end;
    private int position;
    /**
     * The last instant's first {@link #MINUTE_LENGTH} bytes, as two words, and the seconds since the epoch they
     * name (before the offset): a log's lines are mostly in time order, many to a minute, so the next instant often
     * starts the same and only its seconds are read.
     */
    private boolean minuteKnown;
    private long minuteHigh;
    private long minuteLow;
    private long minuteSeconds;

    /** Why a text is not an instant; carries no stack trace, as one is thrown per malformed line. */
    static final class Invalid extends Exception {
        Invalid(String problem) {
            super(problem, null, false, false);
        }
    }

    /**
     * The instant {@code text[offset, offset + length)} names, in nanoseconds since the epoch.
     *
     * @throws Invalid if it is not an instant in the form above, or falls outside the years 1678 to 2261 (the range
     *     of a {@code long} of nanoseconds)
     */
    long epochNanos(byte[] text, int offset, int length) throws Invalid {
        this.text = text;
        this.position = offset;
        this.end = offset + length;
        long startSeconds;
        if (minuteKnown && length >= MINUTE_LENGTH && ByteWords.word(text, offset) == minuteHigh
                && ByteWords.word(text, offset + Long.BYTES) == minuteLow) {
            position += MINUTE_LENGTH;
            startSeconds = minuteSeconds;
        } else {
            startSeconds = minute(); // read the first MINUTE_LENGTH bytes, or threw
            minuteHigh = ByteWords.word(text, offset);
            minuteLow = ByteWords.word(text, offset + Long.BYTES);
            minuteSeconds = startSeconds;
            minuteKnown = true;
        }
        int second = 0;
        int nanos = 0;
        if (skipIf(':')) {
            second = digits(2);
            if (skipIf('.') || skipIf(',')) {
                nanos = fraction();
            }
        }
        int offsetSeconds = offset();
        if (!atEnd()) {
            throw new Invalid("must be " + EXAMPLE);
        }
        if (second > 59) {
            throw new Invalid("is not a real date and time; expected " + EXAMPLE);
        }
        long seconds = startSeconds + second - offsetSeconds;
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            throw new Invalid("is outside the years 1678 to 2261, which Janela handles");
        }
        return seconds * NANOS_PER_SECOND + nanos;
    }

    /** Reads the date, hour and minute; the seconds since the epoch they name, as if in UTC. */
    private long minute() throws Invalid {
        int year = digits(4);
        expect('-');
        int month = digits(2);
        expect('-');
        int day = digits(2);
        if (!skipIf('T') && !skipIf('t') && !skipIf(' ')) {
            throw new Invalid(atEnd() ? "has a date but no time; expected " + EXAMPLE : "must be " + EXAMPLE);
        }
        int hour = digits(2);
        expect(':');
        int minute = digits(2);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) {
            throw new Invalid("is not a real date and time; expected " + EXAMPLE);
        }
        return epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private int digits(int count) throws Invalid {
        int value = 0;
        for (int i = 0; i < count; i++) {
            int c = position < end ? text[position] : -1;
            if (c < '0' || c > '9') {
                throw new Invalid(position >= end ? "ends early; expected " + EXAMPLE
                        : "must be " + EXAMPLE);
            }
            value = value * 10 + (c - '0');
            position++;
        }
        return value;
    }

    private int fraction() throws Invalid {
        int nanos = 0;
        int count = 0;
        while (position < end && text[position] >= '0' && text[position] <= '9') {
            if (count == 9) {
                throw new Invalid("has more than nine fractional digits of a second");
            }
            nanos = nanos * 10 + (text[position] - '0');
            count++;
            position++;
        }
        if (count == 0) {
            throw new Invalid("must be " + EXAMPLE);
        }
        for (int i = count; i < 9; i++) {
            nanos *= 10;
        }
        return nanos;
    }

    /** The UTC offset in seconds east of Greenwich. */
    private int offset() throws Invalid {
        if (skipIf('Z') || skipIf('z')) {
            return 0;
        }
        int sign;
        if (skipIf('+')) {
            sign = 1;
        } else if (skipIf('-')) {
            sign = -1;
        } else {
            throw new Invalid(atEnd() ? "has no time zone; add Z for UTC or an offset such as -03:00"
                    : "must be " + EXAMPLE);
        }
        int hours = digits(2);
        int minutes = 0;
        if (skipIf(':') || (!atEnd() && text[position] >= '0' && text[position] <= '9')) {
            minutes = digits(2);
        }
        if (hours > 18 || minutes > 59) {
            throw new Invalid("has an offset beyond ±18:00");
        }
        return sign * (hours * 3_600 + minutes * 60);
    }

    private void expect(char c) throws Invalid {
        if (!skipIf(c)) {
            throw new Invalid(atEnd() ? "ends early; expected " + EXAMPLE : "must be " + EXAMPLE);
        }
    }

    private boolean skipIf(char c) {
        if (position < end && text[position] == c) {
            position++;
            return true;
        }
        return false;
    }

    private boolean atEnd() {
        return position >= end;
    }
}
