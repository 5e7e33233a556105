package dev.janela.bench.crash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts of the main tables' rows read by a full scan against the same counts read through each of their indexes:
 * an index that lost or kept rows its table did not (a torn write, a recovery that stopped half way) disagrees.
 * For each index, the rows whose leading column is not null are counted both ways, and the plan is asked first to
 * make sure the index is what is read; an index the planner will not read is named as unread, not as a problem.
 * On H2 the row count the table keeps for itself ({@code count(*)} without a condition) must agree too.
 */
final class IndexCounts implements StoreCheck {
    /** Where conversations' data lives: what a crash could tear. */
    static final List<String> TABLES = List.of("customers", "conversations", "sessions", "messages", "charges",
            "processed_events", "idempotency_keys");

    /** How an engine is told to read a table by scan, or through one index, and how it lists its indexes. */
    enum Dialect { H2, POSTGRESQL }

    private record Index(String name, List<String> columns) {
    }

    private final Dialect dialect;

    IndexCounts(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String name() {
        return "counts by scan and by index (" + dialect.name().toLowerCase(Locale.ROOT) + ")";
    }

    @Override
    public Result run(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        int indexes = 0;
        int tableOrder = 0;
        connection.setAutoCommit(false);
        try {
            for (String table : TABLES) {
                if (dialect == Dialect.H2) {
                    long kept = count(connection, "select count(*) from " + table);
                    long scanned = count(connection, "select count(*) from " + table
                            + " use index () where account_id is not null");
                    if (kept != scanned) {
                        problems.add(table + ": its row count says " + kept + " rows, a scan finds " + scanned);
                    }
                }
                for (Index index : indexes(connection, table)) {
                    indexes++;
                    tableOrder += compare(connection, table, index, problems, unread) ? 0 : 1;
                }
            }
        } finally {
            connection.rollback();
        }
        String summary = TABLES.size() + " tables, " + (indexes - unread.size() - tableOrder) + " of " + indexes
                + " indexes read" + (tableOrder == 0 ? "" : ", " + tableOrder + " are the tables' own order")
                + (unread.isEmpty() ? "" : " (not read: " + String.join(", ", unread) + ")");
        return new Result(summary, problems);
    }

    /** Compares the counts through {@code index} and by scan; false if the index is the table's own order. */
    private boolean compare(Connection connection, String table, Index index, List<String> problems,
            List<String> unread) throws SQLException {
        String leading = quoted(index.columns().get(0));
        String condition = " where " + leading + " is not null";
        long scanned = byScan(connection, "select count(*) from " + table
                + (dialect == Dialect.H2 ? " use index ()" : "") + condition);
        String throughIndex;
        String reads;
        if (dialect == Dialect.H2) {
            throughIndex = "select count(*) from " + table + " use index (" + quoted(index.name()) + ")" + condition;
            reads = "/* public." + index.name();
        } else {
            // Ordered by all of the index's columns, with sorting off: only this index gives that order.
            String columns = String.join(", ", index.columns().stream().map(IndexCounts::quoted).toList());
            throughIndex = "select count(*) from (select " + columns + " from " + table + condition + " order by "
                    + columns + ") ordered";
            reads = "using " + index.name() + " ";
            settings(connection, "set local enable_seqscan = off", "set local enable_indexscan = on",
                    "set local enable_indexonlyscan = on", "set local enable_bitmapscan = off",
                    "set local enable_sort = off");
        }
        String plan = plan(connection, throughIndex);
        if (!plan.contains(reads)) {
            // H2 keeps a table in its primary key's order: reading that index is the scan itself
            if (plan.contains("tableScan")) {
                return false;
            }
            unread.add(table + "." + index.name());
            return true;
        }
        long indexed = count(connection, throughIndex);
        if (indexed != scanned) {
            problems.add(table + ": index " + index.name() + " holds " + indexed + " rows whose "
                    + index.columns().get(0) + " is set, a scan of the table finds " + scanned);
        }
        return true;
    }

    private long byScan(Connection connection, String sql) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            settings(connection, "set local enable_seqscan = on", "set local enable_indexscan = off",
                    "set local enable_indexonlyscan = off", "set local enable_bitmapscan = off",
                    "set local enable_sort = on");
        }
        return count(connection, sql);
    }

    /** The table's indexes, each with its columns in order; expressions are left out. */
    private List<Index> indexes(Connection connection, String table) throws SQLException {
        String sql = dialect == Dialect.H2
                ? "select c.index_name, c.column_name from information_schema.index_columns c"
                        + " where c.table_schema = 'public' and c.table_name = ?"
                        + " order by c.index_name, c.ordinal_position"
                : "select i.relname, a.attname from pg_index x join pg_class t on t.oid = x.indrelid"
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
