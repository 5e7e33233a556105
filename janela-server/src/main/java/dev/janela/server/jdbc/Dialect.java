package dev.janela.server.jdbc;

/**
 * The few statements in which the databases Janela stores in differ. PostgreSQL locks the rows a decision reads; the
 * embedded SQLite store serialises its writers instead: every transaction takes the database's write lock when it
 * begins, so a row it reads cannot change before it commits.
 */
public enum Dialect {
    POSTGRESQL(" for update", " for no key update", 3),
    SQLITE("", "", 1);

    private final String lockRows;
    private final String lockRowsButNotTheirKeys;
    private final int writers;

    Dialect(String lockRows, String lockRowsButNotTheirKeys, int writers) {
        this.lockRows = lockRows;
        this.lockRowsButNotTheirKeys = lockRowsButNotTheirKeys;
        this.writers = writers;
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

    /**
     * How many {@link GroupCommit} writers of one kind of work are worth running: enough to keep PostgreSQL busy while
     * one waits for its commit, and few enough that each batch is large enough to spread its own statements (its
     * transaction, the channel, the plan) over many pieces of work. Three did as much work as four on two cores with
     * a tenth less CPU a piece (BENCHMARKS.md). SQLite lets one writer in at a time.
     */
    public int writers() {
        return writers;
    }

    /** What ends a {@code select} whose rows the transaction then changes, so that no other changes them first. */
    public String lockRows() {
        return lockRows;
    }

    /**
     * Whether a transaction holds the whole store's write lock from its start (SQLite's), so that a read that need not
     * be in one is better made before it, letting the writers in meanwhile.
     */
    public boolean transactionsLockTheStore() {
        return this == SQLITE;
    }

    /**
     * Whether each statement is a round trip to another process (PostgreSQL's), so that one statement for many rows
     * is worth building; SQLite runs a statement in Janela's own process, where building one saves nothing.
     */
    public boolean statementsAreRoundTrips() {
        return this == POSTGRESQL;
    }

    /**
     * Like {@link #lockRows}, for a {@code select} that joins other tables: only the rows of {@code alias} are locked
     * (PostgreSQL refuses to lock the side of an outer join that may be missing).
     */
    public String lockRowsOf(String alias) {
        return this == POSTGRESQL ? lockRows + " of " + alias : "";
    }

    /**
     * What ends a {@code select} of work that several nodes take from one table: the rows of {@code alias} that it
     * reads are the transaction's until it ends, and the rows another transaction holds are passed by rather than
     * waited for. SQLite, which lets one writer in at a time, needs nothing.
     */
    public String lockRowsOfSkippingLocked(String alias) {
        return this == POSTGRESQL ? lockRowsOf(alias) + " skip locked" : "";
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
