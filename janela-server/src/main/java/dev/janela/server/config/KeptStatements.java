package dev.janela.server.config;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.sqlite.JDBC;

/**
 * The embedded store's connections, each keeping the statements it prepared for the next use of the same SQL.
 * SQLite's driver compiles a statement's SQL every time one is prepared, and Spring prepares one for every query: on
 * the send path a fifth of the writer's CPU went to compiling the same few dozen statements again (BENCHMARKS.md).
 * PostgreSQL's driver keeps its statements itself.
 *
 * <p>A kept statement handed out is the caller's until it closes it, which clears its parameters and keeps it for the
 * next caller. Its rows are closed first, as Spring always does, which resets it, so that no read stays open. A
 * statement asked for while its twin is in use (a query run from within the reading of the same query's rows) is
 * prepared apart and closed as usual. Closing the connection closes what it keeps.
 */
final class KeptStatements extends AbstractDataSource {
    /** The most statements a connection keeps: more than Janela has, so that only a runaway evicts. */
    static final int MOST_KEPT = 512;

    private final String url;
    private volatile int loginTimeoutSeconds;

    KeptStatements(String url) {
        this.url = url;
    }

    /**
     * Kept for HikariCP, which sets it to its connection timeout and, when it closes, waits up to that long for its
     * thread that opens connections to end: at 0 it did not wait at all, and warned.
     */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return keeping(JDBC.createConnection(url, new Properties()));
    }

    /** The embedded store has no users: the same as {@link #getConnection()}. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private static Connection keeping(Connection connection) {
        return (Connection) Proxy.newProxyInstance(KeptStatements.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Keeping(connection));
    }

    /** What a statement is kept by: its SQL, and the generated keys it returns, however they were asked for. */
    private record Key(String sql, List<Object> keys) {
    }

    /** A connection's kept statements, and its own. */
    private static final class Keeping implements InvocationHandler {
        private final Connection connection;
        private final Map<Key, Kept> kept = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                if (size() <= MOST_KEPT) {
                    return false;
                }
                eldest.getValue().evicted();
                return true;
            }
        };

        Keeping(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            // a statement that asks for a cursor of its own kind (three arguments or more) is not kept
            if (method.getName().equals("prepareStatement") && args[0] instanceof String sql && args.length <= 2) {
                Key key = new Key(sql, args.length == 1 ? List.of() : Arrays.asList(args).subList(1, args.length)
                        .stream().map(argument -> argument instanceof Object[] many ? List.of(many) : argument)
                        .toList());
                Kept known = kept.get(key);
                if (known != null && known.take()) {
                    return known.handedOut;
                }
                PreparedStatement prepared = (PreparedStatement) call(connection, method, args);
                if (known != null) {
                    return prepared; // its twin is in use
                }
                Kept keeping = new Kept(prepared);
                kept.put(key, keeping);
                keeping.take();
                return keeping.handedOut;
            }
            if (method.getName().equals("equals")) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (method.getName().equals("close") && args == null) {
                for (Kept statement : kept.values()) {
                    statement.evicted();
                }
                kept.clear();
            }
            return call(connection, method, args);
        }
    }

    /** A kept statement: handed out to one caller at a time. */
    private static final class Kept implements InvocationHandler {
        private final PreparedStatement statement;
        private final PreparedStatement handedOut;
        private boolean inUse;
        private boolean evicted;

        Kept(PreparedStatement statement) {
            this.statement = statement;
            this.handedOut = (PreparedStatement) Proxy.newProxyInstance(KeptStatements.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this);
        }

        /** Hands the statement out, if it is free. */
        boolean take() {
            if (inUse) {
                return false;
            }
            inUse = true;
            return true;
        }

        /** No longer kept: closed now if free, else when its caller closes it. */
        void evicted() {
            evicted = true;
            if (!inUse) {
                try {
                    statement.close();
                } catch (SQLException alreadyGone) {
                    // its connection is closing or broken: there is nothing left to free
                }
            }
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (inUse) {
                        inUse = false;
                        if (evicted) {
                            statement.close();
                        } else {
                            statement.clearParameters();
                        }
                    }
                    return null;
                }
                case "isClosed" -> {
                    return !inUse || statement.isClosed();
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    return call(statement, method, args);
                }
            }
        }
    }

    /** Calls {@code method} on {@code target}, throwing what it throws. */
    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }
}
