package dev.janela.server.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.jdbc.core.SqlTypeValue;
import org.sqlite.core.CorePreparedStatement;

/**
 * Instants to and from the databases' columns, the same way on each: PostgreSQL's {@code timestamp with time zone},
 * as {@link OffsetDateTime}s in UTC, which its driver maps exactly; SQLite's text, always of one width
 * ({@code 2026-03-02T09:00:00.000000Z}), so that SQLite compares and orders them as times. Both keep microseconds,
 * as Janela's clock ticks.
 */
public final class Instants {
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Instants() {
    }

    /** {@code instant} as a statement parameter; null stays null. */
    public static Object param(Instant instant) {
        return instant == null ? null : new Parameter(instant);
    }

    /** {@code instant} as SQLite stores it. */
    public static String text(Instant instant) {
        return TEXT.format(instant);
    }

    /** The instant in {@code column}, which is not null. */
    public static Instant read(ResultSet row, String column) throws SQLException {
        return readOptional(row, column).orElseThrow(() -> new IllegalStateException(column + " is null"));
    }

    /** The instant in {@code column}, if it holds one. */
    public static Optional<Instant> readOptional(ResultSet row, String column) throws SQLException {
        Object value = row.getObject(column);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(Instant.parse(text));
        }
        if (value instanceof OffsetDateTime time) {
            return Optional.of(time.toInstant());
        }
        if (value instanceof Timestamp timestamp) {
            return Optional.of(timestamp.toInstant());
        }
        throw new IllegalStateException(column + " holds " + value.getClass().getName() + ", not an instant");
    }

    /** An instant bound in the form the statement's database stores. */
    private record Parameter(Instant instant) implements SqlTypeValue {
        @Override
        public void setTypeValue(PreparedStatement statement, int index, int sqlType, String typeName)
                throws SQLException {
            if (statement.isWrapperFor(CorePreparedStatement.class)) {
                statement.setString(index, text(instant));
            } else {
                statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
            }
        }
    }
}
