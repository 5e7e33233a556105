package dev.janela.server.jdbc;

import java.util.Map;
import org.springframework.jdbc.support.KeyHolder;

/** The id a database generated for an inserted row, read the same way from each database Janela stores in. */
public final class Keys {
    private Keys() {
    }

    /**
     * The generated {@code id} column of the one row an insert made. PostgreSQL names the column; SQLite answers with
     * the row's id alone, as {@code last_insert_rowid()}, which is the id of a table whose key is its rowid.
     */
    public static long id(KeyHolder key) {
        Map<String, Object> keys = key.getKeys();
        Object id = keys == null ? null
                : keys.size() == 1 ? keys.values().iterator().next() : keys.get(keys.containsKey("id") ? "id" : "ID");
        if (id instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("the insert returned no id: " + keys);
    }
}
