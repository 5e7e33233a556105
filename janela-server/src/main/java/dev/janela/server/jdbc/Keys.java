package dev.janela.server.jdbc;

import java.util.Map;
import org.springframework.jdbc.support.KeyHolder;

/** The id a database generated for an inserted row, read the same way from H2 and PostgreSQL. */
public final class Keys {
    private Keys() {
    }

    /** The generated {@code id} column of the one row an insert made. */
    public static long id(KeyHolder key) {
        Map<String, Object> keys = key.getKeys();
        Object id = keys == null ? null : keys.get(keys.containsKey("id") ? "id" : "ID");
        if (id instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("the insert returned no id: " + keys);
    }
}
