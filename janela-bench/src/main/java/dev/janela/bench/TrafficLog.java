package dev.janela.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes simulated messages as a traffic log in JSON Lines, the format {@code janela replay} reads, with what a
 * real webhook log has besides: a few lines repeated (webhooks are delivered again when not acknowledged in time)
 * and lines slightly out of time order (deliveries race each other). Not thread-safe.
 */
final class TrafficLog {
    /** How many lines may overtake each other. */
    private static final int DISORDER_WINDOW = 8;
    /** Out of a thousand lines, how many leave their place in time order. */
    private static final int DISORDERED_PER_MILLE = 20;
    /** Out of a thousand messages, how many are written twice. */
    private static final int DUPLICATED_PER_MILLE = 5;
    private static final int SECONDS_PER_DAY = 86_400;

    private final Writer out;
    private final Population population;
    private final SplittableRandom random;
    private final String[] pending = new String[DISORDER_WINDOW];
    private final StringBuilder line = new StringBuilder(256);
    private int pendingCount;
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate = "";

    private long messages;
    private long duplicates;
    private long bytes;
    private long firstEpochSecond = Long.MAX_VALUE;
    private long lastEpochSecond = Long.MIN_VALUE;

    TrafficLog(Writer out, Population population, SplittableRandom random) {
        this.out = Objects.requireNonNull(out, "out");
        this.population = Objects.requireNonNull(population, "population");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Writes {@code message}'s line, and sometimes a second copy of it. */
    void write(SimulatedMessage message) throws IOException {
        String text = format(message);
        messages++;
        firstEpochSecond = Math.min(firstEpochSecond, message.epochSecond());
        lastEpochSecond = Math.max(lastEpochSecond, message.epochSecond());
        add(text);
        if (random.nextInt(1000) < DUPLICATED_PER_MILLE) {
            duplicates++;
            add(text);
        }
    }

    /** Writes the lines still held back for disorder; the writer is then flushed but not closed. */
    void finish() throws IOException {
        while (pendingCount > 0) {
            emit(0);
        }
        out.flush();
    }

    /** Distinct messages written. */
    long messages() {
        return messages;
    }

    /** Lines that repeat an earlier message. */
    long duplicates() {
        return duplicates;
    }

    long bytes() {
        return bytes;
    }

    long firstEpochSecond() {
        return firstEpochSecond;
    }

    long lastEpochSecond() {
        return lastEpochSecond;
    }

    /**
     * Holds {@code text} back among the last few lines; when they are too many, writes the oldest, or sometimes
     * another one, which then comes before older lines.
     */
    private void add(String text) throws IOException {
        if (pendingCount == pending.length) {
            boolean disorder = random.nextInt(1000) < DISORDERED_PER_MILLE;
            emit(disorder ? random.nextInt(pendingCount) : 0);
        }
        pending[pendingCount++] = text;
    }

    private void emit(int index) throws IOException {
        String text = pending[index];
        System.arraycopy(pending, index + 1, pending, index, pendingCount - index - 1);
        pending[--pendingCount] = null;
        out.write(text);
        out.write('\n');
        bytes += text.length() + 1L; // every character is ASCII
    }

    /** The message's JSON line. Every value is plain ASCII without quotes or backslashes, so nothing is escaped. */
    private String format(SimulatedMessage message) {
        line.setLength(0);
        line.append("{\"id\":\"").append(message.id()).append("\",\"at\":\"");
        appendInstant(message.epochSecond());
        line.append("\",\"channel\":\"").append(population.channel(message.conversation()))
                .append("\",\"customer\":\"").append(population.customer(message.conversation()))
                .append("\",\"direction\":\"").append(message.inbound() ? "in" : "out")
                .append("\",\"type\":\"").append(message.type()).append('"');
        if (message.isTemplate()) {
            line.append(",\"category\":\"").append(message.category().wireName())
                    .append("\",\"template\":\"").append(message.template()).append('"');
        }
        if (message.failed()) {
            line.append(",\"status\":\"failed\"");
        }
        if (message.referral()) {
            line.append(",\"referral\":true");
        }
        return line.append('}').toString();
    }

    /** ISO-8601 in UTC to the second, as {@code 2026-03-02T10:00:00Z}; the date is cached, being shared by many. */
    private void appendInstant(long epochSecond) {
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDate = LocalDate.ofEpochDay(day).toString();
        }
        int secondOfDay = Math.floorMod(epochSecond, SECONDS_PER_DAY);
        line.append(cachedDate).append('T');
        appendTwoDigits(secondOfDay / 3600);
        line.append(':');
        appendTwoDigits(secondOfDay / 60 % 60);
        line.append(':');
        appendTwoDigits(secondOfDay % 60);
        line.append('Z');
    }

    private void appendTwoDigits(int value) {
        line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
