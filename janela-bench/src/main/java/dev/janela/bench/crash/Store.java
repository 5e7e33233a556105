package dev.janela.bench.crash;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The database the server under test keeps its data in: the embedded default, or PostgreSQL. */
interface Store {
    /** What it is, for the report; never a password. */
    String describe();

    /** Empties it, so that a run starts from nothing. */
    void prepare(ServerDrivers drivers) throws SQLException;

    /** The server's {@code JANELA_*} settings that point it here. */
    Map<String, String> environment();

    /** Opens it with the server's own driver, once the server is no longer running. */
    Connection open(ServerDrivers drivers) throws SQLException;

    /** The checks of its own consistency this store gets, besides the rows' checks every store gets. */
    List<StoreCheck> engineChecks();
}
