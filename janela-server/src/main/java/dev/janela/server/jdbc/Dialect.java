package dev.janela.server.jdbc;

/**
 * The few statements in which the databases Janela stores in differ. PostgreSQL locks the rows a decision reads; the
 * embedded SQLite store serialises its writers instead: every transaction takes the database's write lock when it
 * begins, so a row it reads cannot change before it commits.
 */
public enum Dialect {
    POSTGRESQL(" for update", " for no key update"),
    SQLITE("", "");

    private final String lockRows;
    private final String lockRowsButNotTheirKeys;

    Dialect(String lockRows, String lockRowsButNotTheirKeys) {
        this.lockRows = lockRows;
        this.lockRowsButNotTheirKeys = lockRowsButNotTheirKeys;
    }

    /** The dialect of the database at {@code jdbcUrl}. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("JANELA_DB_URL must name a PostgreSQL database (jdbc:postgresql://...),"
                + " or be left unset for the embedded store");
    }

    /** What ends a {@code select} whose rows the transaction then changes, so that no other changes them first. */
    public String lockRows() {
        return lockRows;
    }

    /**
     * Like {@link #lockRows}, for rows whose key the transaction does not change, and which other tables refer to: the
     * lock lets other transactions check a reference to the rows (a foreign key) meanwhile, as PostgreSQL does when
     * they insert a row that refers to one, or update a row they inserted. A stronger lock would have them wait, and
     * wait on each other.
     */
    public String lockRowsButNotTheirKeys() {
        return lockRowsButNotTheirKeys;
    }
}
