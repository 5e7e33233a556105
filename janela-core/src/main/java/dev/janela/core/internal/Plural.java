package dev.janela.core.internal;

/** A count as a message writes it, its noun agreeing: {@code 1 field}, {@code 3 fields}. */
public final class Plural {
    private Plural() {
    }

    /** {@code count} and {@code noun}, which takes an s unless the count is one. */
    public static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
