package dev.janela.server.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a cost report groups by. Days and months are UTC's. */
enum Dimension {
    DAY,
    MONTH,
    MARKET,
    CATEGORY,
    CHANNEL;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    String wireName() {
        return wireName;
    }

    static Optional<Dimension> fromWireName(String name) {
        return Arrays.stream(values()).filter(dimension -> dimension.wireName.equals(name)).findFirst();
    }

    /** The group of a row: its day, month, market, category or channel. */
    String of(Instant at, String market, String category, String channel) {
        return switch (this) {
            case DAY -> at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
            case MONTH -> at.atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
            case MARKET -> market;
            case CATEGORY -> category;
            case CHANNEL -> channel;
        };
    }
}
