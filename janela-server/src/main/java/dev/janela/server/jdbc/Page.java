package dev.janela.server.jdbc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list ordered by time and id, and where the next page begins, if there is one.
 *
 * @param next the cursor of the page after this one; empty after the last
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    /**
     * The page of up to {@code size} items that {@code fetched} begins: read with one item more than a page holds,
     * whose presence says that another page follows.
     *
     * @param cursorOf where a page that ends with an item ends
     */
    public static <T> Page<T> of(List<T> fetched, int size, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= size) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> page = fetched.subList(0, size);
        return new Page<>(page, Optional.of(cursorOf.apply(page.get(size - 1))));
    }

    /** This page with each item made into another. */
    public <U> Page<U> map(Function<T, U> view) {
        return new Page<>(items.stream().map(view).toList(), next);
    }
}
