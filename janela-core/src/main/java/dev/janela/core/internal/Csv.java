package dev.janela.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the small CSV files users write by hand (rate cards, markets files): UTF-8 text, one record a line, a
 * byte-order mark tolerated, blank lines and lines starting with {@code #} ignored, fields optionally quoted as in
 * RFC 4180 ({@code "a ""b"""}), unquoted fields trimmed. A quoted field may not span lines.
 */
public final class Csv {
    private Csv() {
    }

    /** One record and the 1-based line it came from. */
    public record Row(int line, List<String> fields) {
        public Row {
            fields = List.copyOf(fields);
        }
    }

    /** A line that is not valid CSV: one of many, perhaps, so it carries no stack trace, which says nothing here. */
    public static final class SyntaxException extends Exception {
        private final int line;

        SyntaxException(int line, String problem) {
            super(problem, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * The records of {@code text}, comments and blank lines left out.
     *
     * @throws SyntaxException naming the first line that is not valid CSV
     */
    public static List<Row> parse(String text) throws SyntaxException {
        List<SyntaxException> badLines = new ArrayList<>();
        List<Row> rows = parse(text, badLines);
        if (!badLines.isEmpty()) {
            throw badLines.get(0);
        }
        return rows;
    }

    /**
     * The records of {@code text}, as {@link #parse(String)} reads them, but for the lines that are not valid CSV:
     * those are left out, and added to {@code badLines}, in order, so that every one of them can be reported.
     */
    public static List<Row> parse(String text, List<SyntaxException> badLines) {
        return parse(text, ',', badLines);
    }

    /**
     * The records of {@code text}, as {@link #parse(String, List)} reads them, with {@code separator} between fields
     * rather than a comma: {@code ;} is what spreadsheets write where a comma is the decimal mark.
     */
    public static List<Row> parse(String text, char separator, List<SyntaxException> badLines) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            lineNumber++;
            String line = stripCarriageReturn(body.substring(start, end));
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                try {
                    rows.add(new Row(lineNumber, fields(line, lineNumber, separator)));
                } catch (SyntaxException bad) {
                    badLines.add(bad);
                }
            }
            start = end + 1;
        }
        return rows;
    }

    /**
     * Where each of {@code columns} is in {@code header}, a file's header line whose columns may come in any order:
     * element {@code i} is the position of {@code columns.get(i)}.
     *
     * @throws SyntaxException naming an unknown, repeated or missing column
     */
    public static int[] columnsOf(Row header, List<String> columns) throws SyntaxException {
        int[] columnOf = new int[columns.size()];
        Arrays.fill(columnOf, -1);
        List<String> names = header.fields();
        String expected = String.join(",", columns);
        for (int position = 0; position < names.size(); position++) {
            String name = names.get(position).toLowerCase(Locale.ROOT);
            int column = columns.indexOf(name);
            if (column < 0) {
                throw new SyntaxException(header.line(), "unknown column \"" + names.get(position)
                        + "\" in the header; expected " + expected);
            }
            if (columnOf[column] >= 0) {
                throw new SyntaxException(header.line(), "column \"" + name + "\" appears twice in the header");
            }
            columnOf[column] = position;
        }
        for (int column = 0; column < columns.size(); column++) {
            if (columnOf[column] < 0) {
                throw new SyntaxException(header.line(), "the header has no \"" + columns.get(column)
                        + "\" column; expected " + expected);
            }
        }
        return columnOf;
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static List<String> fields(String line, int lineNumber, char separator) throws SyntaxException {
        List<String> fields = new ArrayList<>();
        int position = 0;
        while (true) {
            position = skipSpaces(line, position);
            if (position < line.length() && line.charAt(position) == '"') {
                StringBuilder field = new StringBuilder();
                position = readQuoted(line, position + 1, field, lineNumber);
                fields.add(field.toString());
                position = skipSpaces(line, position);
                if (position < line.length() && line.charAt(position) != separator) {
                    throw new SyntaxException(lineNumber,
                            "unexpected text after a quoted field at column " + (position + 1));
                }
            } else {
                int comma = line.indexOf(separator, position);
                int end = comma < 0 ? line.length() : comma;
                String field = line.substring(position, end).strip();
                if (field.indexOf('"') >= 0) {
                    throw new SyntaxException(lineNumber, "a quote inside an unquoted field at column " + (position + 1)
                            + "; quote the whole field and double the inner quotes");
                }
                fields.add(field);
                position = end;
            }
            if (position >= line.length()) {
                return fields;
            }
            position++;
        }
    }

    private static int readQuoted(String line, int position, StringBuilder field, int lineNumber)
            throws SyntaxException {
        int index = position;
        while (index < line.length()) {
            char c = line.charAt(index);
            if (c == '"') {
                if (index + 1 < line.length() && line.charAt(index + 1) == '"') {
                    field.append('"');
                    index += 2;
                    continue;
                }
                return index + 1;
            }
            field.append(c);
            index++;
        }
        throw new SyntaxException(lineNumber, "a quoted field is not closed before the end of the line");
    }

    private static int skipSpaces(String line, int position) {
        int index = position;
        while (index < line.length() && (line.charAt(index) == ' ' || line.charAt(index) == '\t')) {
            index++;
        }
        return index;
    }
}
