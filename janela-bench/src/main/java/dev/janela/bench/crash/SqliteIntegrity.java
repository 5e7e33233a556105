package dev.janela.bench.crash;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's own checks of its file: {@code PRAGMA integrity_check} (every page, every index against its table) and
 * {@code PRAGMA foreign_key_check} (every reference finds its row). Opening the file first replays what its
 * write-ahead log holds, as the server's next start would.
 */
final class SqliteIntegrity implements StoreCheck {
    @Override
    public String name() {
        return "SQLite integrity_check and foreign_key_check";
    }

    @Override
    public Result run(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("pragma integrity_check")) {
                while (rows.next()) {
                    if (!"ok".equals(rows.getString(1))) {
                        problems.add("integrity_check: " + rows.getString(1));
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("pragma foreign_key_check")) {
                while (rows.next()) {
                    problems.add("foreign_key_check: row " + rows.getLong(2) + " of " + rows.getString(1)
                            + " refers to a missing row of " + rows.getString(3));
                }
            }
        }
        return new Result(problems.isEmpty() ? "the file is whole" : problems.size() + " problems", problems);
    }
}
