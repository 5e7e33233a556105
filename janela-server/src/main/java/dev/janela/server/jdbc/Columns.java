package dev.janela.server.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Columns that may be null, read the same way from each database Janela stores in. (SQLite's driver refuses to read
 * a null as a {@code Long} object; reading the primitive and asking whether it was null works everywhere.)
 */
public final class Columns {
    private Columns() {
    }

    /** The number in {@code column}, if it holds one. */
    public static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /** The number in {@code column}, or null. */
    public static Integer nullableInteger(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** The truth in {@code column}, or null. */
    public static Boolean nullableBoolean(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }
}
