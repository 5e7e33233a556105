package dev.janela.core.report;

/** Writes CSV fields as RFC 4180 says, for every CSV Janela writes: the replay's ledger, the server's exports. */
public final class CsvField {
    private CsvField() {
    }

    /**
     * {@code value} as one CSV field: as it is, or, where it holds a comma, a double quote or a line break, in double
     * quotes with its own double quotes doubled. The empty string stays empty.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public static String of(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }
}
