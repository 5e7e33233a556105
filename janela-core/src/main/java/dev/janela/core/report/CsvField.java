package dev.janela.core.report;

/**
 * Writes CSV fields as RFC 4180 says, for every CSV Janela writes: the replay's ledger, the server's exports. Text
 * that came from outside Janela goes through {@link #text}, so that a spreadsheet opening the file shows it and never
 * runs it.
 */
public final class CsvField {
    private CsvField() {
    }

    /**
     * {@code value} as one CSV field: as it is, or, where it holds a comma, a double quote or a line break, in double
     * quotes with its own double quotes doubled. The empty string stays empty. For values Janela formats itself (an
     * amount, an E.164 number, an instant), whose leading {@code -} or {@code +} means what it says.
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

    /**
     * {@code value}, text Janela did not make (an event id, a market's name, a channel's id), as one CSV field that a
     * spreadsheet shows as text: a value starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
     * return, which Excel, LibreOffice and Google Sheets would read as a formula, gets a leading {@code '} (OWASP's
     * advice on CSV injection); then the field is quoted as {@link #of} quotes. Any other value is written as
     * {@link #of} writes it.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public static String text(String value) {
        return of(startsAFormula(value) ? "'" + value : value);
    }

    private static boolean startsAFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
