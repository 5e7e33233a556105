package dev.janela.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class SqliteRefusalsTest {
    private static final String SQL = "insert into customers (account_id, phone) values (?, ?)";

    private final SqliteRefusals refusals = new SqliteRefusals(
            (task, sql, problem) -> new UncategorizedSQLException(task, sql, problem));

    @Test
    void aKeyAnotherRowHas_isADuplicateKey() {
        assertThat(translated(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)).isInstanceOf(DuplicateKeyException.class);
        assertThat(translated(SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void anyOtherBrokenConstraint_isADataIntegrityViolation_butNotADuplicateKey() {
        for (SQLiteErrorCode code : new SQLiteErrorCode[] {SQLiteErrorCode.SQLITE_CONSTRAINT,
            SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL, SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK,
            SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY}) {
            DataAccessException translated = translated(code);
            assertThat(translated).as(code.name()).isInstanceOf(DataIntegrityViolationException.class)
                    .isNotInstanceOf(DuplicateKeyException.class);
            assertThat(translated.getMessage()).contains("insert a customer", SQL);
            assertThat(translated.getCause()).isInstanceOf(SQLiteException.class);
        }
    }

    @Test
    void whatIsNoRefusal_andOtherDatabasesExceptions_goToTheTranslatorItWraps() {
        assertThat(translated(SQLiteErrorCode.SQLITE_BUSY)).isInstanceOf(UncategorizedSQLException.class)
                .isNotInstanceOf(PessimisticLockingFailureException.class);
        assertThat(refusals.translate("insert a customer", SQL, new SQLException("duplicate key", "23505")))
                .isInstanceOf(UncategorizedSQLException.class);
    }

    private DataAccessException translated(SQLiteErrorCode code) {
        return refusals.translate("insert a customer", SQL, new SQLiteException("[" + code.name() + "]", code));
    }
}
