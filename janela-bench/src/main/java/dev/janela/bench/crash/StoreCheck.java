package dev.janela.bench.crash;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A check of a store's own consistency, run on the database once the server has died for the last time: what a
 * crash must never leave behind, whatever the server answered before it. Each store adds the checks its engine
 * offers (counts by index against counts by scan, an engine's integrity check) to the checks every store gets.
 */
interface StoreCheck {
    /** What was checked, and what was found wrong. */
    record Result(String summary, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** A short name for the report. */
    String name();

    /** Runs the check on {@code connection}, which nothing else uses while it runs. */
    Result run(Connection connection) throws SQLException;
}
