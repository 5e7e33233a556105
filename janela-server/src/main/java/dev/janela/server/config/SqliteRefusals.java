package dev.janela.server.config;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Reads the embedded store's refusals as Spring reads PostgreSQL's: a row whose key another row has is a
 * {@link DuplicateKeyException}, any other constraint it breaks a {@link DataIntegrityViolationException}. Spring
 * knows no SQLite error codes, and SQLite's driver gives no SQL state, so without this every refusal would be an
 * uncategorized exception: a webhook item the store refuses would not be quarantined, and a key taken in a race
 * would be answered 500 rather than 409. Everything else, and every other database's exceptions, go to the
 * translator it wraps.
 */
final class SqliteRefusals extends AbstractFallbackSQLExceptionTranslator {
    /** SQLite's primary result code for a broken constraint; its extended codes keep it in their low byte. */
    private static final int CONSTRAINT = SQLiteErrorCode.SQLITE_CONSTRAINT.code;

    SqliteRefusals(SQLExceptionTranslator others) {
        setFallbackTranslator(others);
    }

    @Override
    protected DataAccessException doTranslate(String task, String sql, SQLException problem) {
        if (!(problem instanceof SQLiteException sqlite) || (sqlite.getResultCode().code & 0xFF) != CONSTRAINT) {
            return null;
        }
        SQLiteErrorCode code = sqlite.getResultCode();
        boolean keyTaken = code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
        return keyTaken ? new DuplicateKeyException(buildMessage(task, sql, problem), problem)
                : new DataIntegrityViolationException(buildMessage(task, sql, problem), problem);
    }
}
