package dev.janela.server.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Instants to and from {@code timestamp with time zone} columns, the same way on H2 and PostgreSQL: as
 * {@link OffsetDateTime}s in UTC, which both drivers map exactly.
 */
public final class Instants {
    private Instants() {
    }

    /** {@code instant} as a statement parameter; null stays null. */
    public static OffsetDateTime param(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The instant in {@code column}, which is not null. */
    public static Instant read(ResultSet row, String column) throws SQLException {
        return readOptional(row, column).orElseThrow(() -> new IllegalStateException(column + " is null"));
    }

    /** The instant in {@code column}, if it holds one. */
    public static Optional<Instant> readOptional(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }
}
