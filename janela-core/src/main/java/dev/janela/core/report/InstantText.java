package dev.janela.core.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the server writes them, in its API's JSON and its CSV exports: in UTC, always with six decimals of the
 * second ({@code 2026-03-02T04:52:45.000000Z}). Meta's times are whole seconds and Janela's clock ticks in
 * microseconds, and Java's own form drops a fraction that is zero, so without one precision a ledger mixed
 * {@code 04:52:45Z} with {@code 04:52:46.619499Z}. Microseconds lose nothing Janela keeps, and tell apart charges that
 * one millisecond holds.
 */
public final class InstantText {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private InstantText() {
    }

    public static String of(Instant instant) {
        return FORMAT.format(instant);
    }
}
