package dev.janela.bench.crash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's counts of the main tables' rows read by a full scan against the same counts read through each of their
 * indexes: an index that lost or kept rows its table did not (a torn write, a recovery that stopped half way)
 * disagrees. For each index, the rows whose leading column is not null are counted both ways, and the plan is asked
 * first to make sure the index is what is read; an index the planner will not read is named as unread, not as a
 * problem.
 */
final class IndexCounts implements StoreCheck {
    /** Where conversations' data lives: what a crash could tear. */
    static final List<String> TABLES = List.of("customers", "conversations", "sessions", "messages", "charges",
            "processed_events", "idempotency_keys");

    private record Index(String name, List<String> columns) {
    }

    @Override
    public String name() {
        return "counts by scan and by index";
    }

    @Override
    public Result run(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        int indexes = 0;
        connection.setAutoCommit(false);
        try {
            for (String table : TABLES) {
                for (Index index : indexes(connection, table)) {
                    indexes++;
                    compare(connection, table, index, problems, unread);
                }
            }
        } finally {
            connection.rollback();
        }
        String summary = TABLES.size() + " tables, " + (indexes - unread.size()) + " of " + indexes + " indexes read"
                + (unread.isEmpty() ? "" : " (not read: " + String.join(", ", unread) + ")");
        return new Result(summary, problems);
    }

    private void compare(Connection connection, String table, Index index, List<String> problems,
            List<String> unread) throws SQLException {
        String condition = " where " + quoted(index.columns().get(0)) + " is not null";
        long scanned = byScan(connection, "select count(*) from " + table + condition);
        // Ordered by all of the index's columns, with sorting off: only this index gives that order.
        String columns = String.join(", ", index.columns().stream().map(IndexCounts::quoted).toList());
        String throughIndex = "select count(*) from (select " + columns + " from " + table + condition
                + " order by " + columns + ") ordered";
        settings(connection, "set local enable_seqscan = off", "set local enable_indexscan = on",
                "set local enable_indexonlyscan = on", "set local enable_bitmapscan = off",
                "set local enable_sort = off");
        if (!plan(connection, throughIndex).contains("using " + index.name() + " ")) {
            unread.add(table + "." + index.name());
            return;
        }
        long indexed = count(connection, throughIndex);
        if (indexed != scanned) {
            problems.add(table + ": index " + index.name() + " holds " + indexed + " rows whose "
                    + index.columns().get(0) + " is set, a scan of the table finds " + scanned);
        }
    }

    private static long byScan(Connection connection, String sql) throws SQLException {
        settings(connection, "set local enable_seqscan = on", "set local enable_indexscan = off",
                "set local enable_indexonlyscan = off", "set local enable_bitmapscan = off",
                "set local enable_sort = on");
        return count(connection, sql);
    }

    /** The table's indexes, each with its columns in order; expressions are left out. */
    private static List<Index> indexes(Connection connection, String table) throws SQLException {
        String sql = "select i.relname, a.attname from pg_index x join pg_class t on t.oid = x.indrelid"
                        + " join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = t.relnamespace"
                        + " cross join lateral unnest(x.indkey) with ordinality k(attnum, position)"
                        + " join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum"
                        + " where n.nspname = current_schema() and t.relname = ? order by i.relname, k.position";
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), any -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return columns.entrySet().stream().map(entry -> new Index(entry.getKey(), entry.getValue())).toList();
    }

    private static String plan(Connection connection, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("explain " + sql)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void settings(Connection connection, String... settings) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String setting : settings) {
                statement.execute(setting);
            }
        }
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }
}
