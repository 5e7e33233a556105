package dev.janela.core.campaign;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import dev.janela.core.customer.Bsuid;
import dev.janela.core.internal.Csv;
import dev.janela.core.internal.FileProblems;
import dev.janela.core.phone.E164;
import dev.janela.core.phone.WrittenNumbers;
import dev.janela.core.template.TemplateBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign's recipients as a user writes them: a CSV file whose header names a column {@code recipient} (a phone
 * number in any common writing, or a BSUID) and one column per parameter of the template, named as the template
 * names it ({@code 1}, {@code 2}... or {@code first_name}), plus {@code header} when the template's header has a
 * parameter. Columns may come in any order; a comma or a semicolon separates them; quotes, CRLF and a byte-order mark
 * are read as spreadsheets write them.
 *
 * <p>A list is taken whole or not at all: a line that could not be sent as written (the wrong number of fields, an
 * empty value, an unknown column, text that is not CSV) fails the list, every such line named. A recipient that is not
 * a phone number or a BSUID, or one already listed, is not the list's fault but the data's: it is kept, marked to be
 * skipped and why, so that a report can list it.
 */
public final class RecipientList {
    /** The most recipients one campaign takes. */
    public static final int MAX_RECIPIENTS = 100_000;
    /** The column that names each recipient. */
    public static final String RECIPIENT = "recipient";
    /** The column of the header's parameter. */
    public static final String HEADER = "header";
    /** Why a recipient is skipped: it is neither a phone number nor a BSUID. */
    public static final String INVALID = "invalid";
    /** Why a recipient is skipped: an earlier line names the same customer. */
    public static final String DUPLICATE = "duplicate";

    private RecipientList() {
    }

    /**
     * The columns a list for a template has beside {@code recipient}: its header's parameter, if it has one, then its
     * body's, in the template's order, which is the order a send gives their values in.
     *
     * @param header the header column's name, when the template's header has a parameter
     * @param body the body's parameters' names
     */
    public record Columns(Optional<String> header, List<String> body) {
        public Columns {
            Objects.requireNonNull(header, "header");
            body = List.copyOf(body);
        }

        /** The columns of a template with {@code body} and, perhaps, a {@code header}. */
        public static Columns of(Optional<TemplateBody> header, TemplateBody body) {
            Optional<String> headerColumn = header.filter(part -> part.parameterCount() > 0)
                    .map(part -> body.parameters().contains(HEADER) ? HEADER + "_" + part.parameters().get(0)
                            : HEADER);
            return new Columns(headerColumn, body.parameters());
        }

        /** The parameters' columns, in the order of a recipient's {@link Entry#parameters()}. */
        public List<String> parameters() {
            List<String> names = new ArrayList<>(body.size() + 1);
            header.ifPresent(names::add);
            names.addAll(body);
            return names;
        }

        /** Every column, as a list's header line writes them: {@code recipient} first. */
        public List<String> all() {
            List<String> names = new ArrayList<>();
            names.add(RECIPIENT);
            names.addAll(parameters());
            return names;
        }
    }

    /**
     * Why a recipient will not be sent to.
     *
     * @param reason {@link #INVALID} or {@link #DUPLICATE}
     * @param detail what is wrong with the number, or the line of the first mention ({@code line 4})
     */
    public record Skip(String reason, String detail) {
        /** The reason and its detail, as one text: {@code duplicate: of line 4}. */
        public String text() {
            return reason + ": " + detail;
        }
    }

    /**
     * One recipient.
     *
     * @param line the 1-based line it is on (its position, for a list given as records)
     * @param written the recipient as written
     * @param handle the customer's handle: the number's digits, or the BSUID; empty when it is neither
     * @param parameters the parameters' values, in the order of {@link Columns#parameters()}
     * @param skip why it will not be sent to, if it will not
     */
    public record Entry(int line, String written, Optional<String> handle, List<String> parameters,
            Optional<Skip> skip) {
        public Entry {
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * Reads {@code text}, a CSV list for a template with {@code columns}.
     *
     * @param source what to call the list in messages ({@code recipients.csv})
     * @throws FileFormatException with {@link ErrorCode#INVALID_RECIPIENT_LIST}, naming every bad line (the first 50
     *     of them, and how many more), when any line is bad, the header is wrong, or the list is empty or longer than
     *     {@value #MAX_RECIPIENTS}
     */
    public static List<Entry> parse(String source, String text, Columns columns) {
        Objects.requireNonNull(text, "text");
        List<Csv.SyntaxException> unreadable = new ArrayList<>();
        List<Csv.Row> rows = Csv.parse(text, separator(text), unreadable);
        FileProblems problems = new FileProblems(ErrorCode.INVALID_RECIPIENT_LIST, source);
        if (rows.isEmpty() && unreadable.isEmpty()) {
            throw wholeFile(source, "is empty; write a header line, " + String.join(",", columns.all())
                    + ", then one line a recipient");
        }
        requireAtMost(source, rows.size() - 1);
        boolean headerUnreadable = !unreadable.isEmpty()
                && (rows.isEmpty() || unreadable.get(0).line() < rows.get(0).line());
        int[] columnOf = headerUnreadable || rows.isEmpty() ? null : columnsOf(rows.get(0), columns, source, problems);
        List<Entry> entries = new ArrayList<>(Math.max(0, rows.size() - 1));
        Recipients recipients = new Recipients();
        int next = 0;
        for (int index = 1; index < rows.size() || next < unreadable.size(); index++) {
            Csv.Row row = index < rows.size() ? rows.get(index) : null;
            while (next < unreadable.size() && (row == null || unreadable.get(next).line() < row.line())) {
                Csv.SyntaxException bad = unreadable.get(next++);
                problems.add(List.of(problem(source, bad.line(), null, bad.getMessage())));
            }
            if (row != null && columnOf != null) {
                readRow(source, row, columns, columnOf, problems, recipients).ifPresent(entries::add);
            }
        }
        problems.throwIfAny();
        if (entries.isEmpty()) {
            throw wholeFile(source, "has no recipients after its header line");
        }
        return entries;
    }

    /**
     * Reads a list given as records, one a recipient, each mapping the columns a CSV list would have to their values.
     * A record's line is its position in the list, from 1.
     *
     * @throws FileFormatException as {@link #parse} does
     */
    public static List<Entry> of(String source, List<Map<String, String>> records, Columns columns) {
        Objects.requireNonNull(records, "records");
        if (records.isEmpty()) {
            throw wholeFile(source, "is empty; give one object a recipient, with " + String.join(", ",
                    columns.all()));
        }
        requireAtMost(source, records.size());
        FileProblems problems = new FileProblems(ErrorCode.INVALID_RECIPIENT_LIST, source);
        List<String> names = columns.all();
        int[] columnOf = new int[names.size()];
        for (int index = 0; index < columnOf.length; index++) {
            columnOf[index] = index;
        }
        List<Entry> entries = new ArrayList<>(records.size());
        Recipients recipients = new Recipients();
        for (int index = 0; index < records.size(); index++) {
            int line = index + 1;
            Map<String, String> record = records.get(index) == null ? Map.of() : records.get(index);
            List<FileFormatException> bad = new ArrayList<>();
            for (String key : record.keySet()) {
                if (!names.contains(key)) {
                    bad.add(problem(source, line, key, "is not a column of the template; expected " + names));
                }
            }
            if (!bad.isEmpty()) {
                problems.add(bad);
                continue;
            }
            List<String> fields = names.stream().map(name -> Objects.requireNonNullElse(record.get(name), ""))
                    .toList();
            readRow(source, new Csv.Row(line, fields), columns, columnOf, problems, recipients)
                    .ifPresent(entries::add);
        }
        problems.throwIfAny();
        return entries;
    }

    /** The handles seen so far, each with the line that first named it. */
    private static final class Recipients {
        private final Map<String, Integer> firstLines = new HashMap<>();
    }

    private static void requireAtMost(String source, int count) {
        if (count > MAX_RECIPIENTS) {
            throw wholeFile(source, "has " + count + " recipients; a campaign takes at most " + MAX_RECIPIENTS
                    + ": split the list into several campaigns");
        }
    }

    /** A semicolon when the first line separates its fields with semicolons and has no comma, else a comma. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
    }

    /** Where each column is in the header line; null, with the problems noted, when the header is wrong. */
    private static int[] columnsOf(Csv.Row header, Columns columns, String source, FileProblems problems) {
        List<String> names = columns.all();
        int[] columnOf = new int[names.size()];
        Arrays.fill(columnOf, -1);
        List<FileFormatException> bad = new ArrayList<>();
        String expected = String.join(",", names);
        for (int position = 0; position < header.fields().size(); position++) {
            String written = header.fields().get(position);
            int column = names.indexOf(written.strip().toLowerCase(Locale.ROOT));
            if (column < 0) {
                bad.add(problem(source, header.line(), written, "is not a column of the template; expected "
                        + expected));
            } else if (columnOf[column] >= 0) {
                bad.add(problem(source, header.line(), written, "appears twice in the header"));
            } else {
                columnOf[column] = position;
            }
        }
        for (int column = 0; column < names.size(); column++) {
            if (columnOf[column] < 0) {
                bad.add(problem(source, header.line(), names.get(column), "is missing from the header; expected "
                        + expected));
            }
        }
        if (bad.isEmpty()) {
            return columnOf;
        }
        problems.add(bad);
        return null;
    }

    private static Optional<Entry> readRow(String source, Csv.Row row, Columns columns, int[] columnOf,
            FileProblems problems, Recipients recipients) {
        List<String> fields = row.fields();
        List<String> names = columns.all();
        if (fields.size() != names.size()) {
            problems.add(List.of(problem(source, row.line(), null, "has " + fields.size() + " fields; the header"
                    + " has " + names.size() + " (" + String.join(",", names) + ")")));
            return Optional.empty();
        }
        List<FileFormatException> bad = new ArrayList<>();
        String written = fields.get(columnOf[0]).strip();
        if (written.isEmpty()) {
            bad.add(problem(source, row.line(), RECIPIENT, "is empty; write a phone number or a BSUID"));
        }
        List<String> parameters = new ArrayList<>(names.size() - 1);
        for (int column = 1; column < names.size(); column++) {
            String value = fields.get(columnOf[column]).strip();
            if (value.isEmpty()) {
                bad.add(problem(source, row.line(), names.get(column), "is empty; every parameter of the template"
                        + " needs a value"));
            }
            parameters.add(value);
        }
        if (!bad.isEmpty()) {
            problems.add(bad);
            return Optional.empty();
        }
        return Optional.of(entry(row.line(), written, parameters, recipients));
    }

    private static Entry entry(int line, String written, List<String> parameters, Recipients recipients) {
        String problem;
        String handle;
        if (Bsuid.looksLikeOne(written)) {
            problem = Bsuid.problem(written).orElse(null);
            handle = written;
        } else {
            E164.Parsed number = WrittenNumbers.parse(written.startsWith("00") ? "+" + written.substring(2)
                    : written);
            problem = number.problemText().map(text -> "the number " + text).orElse(null);
            handle = number.isValid() ? Long.toString(number.digits()) : null;
        }
        if (problem != null) {
            return new Entry(line, written, Optional.empty(), parameters, Optional.of(new Skip(INVALID, problem)));
        }
        Integer first = recipients.firstLines.putIfAbsent(handle, line);
        Optional<Skip> skip = first == null ? Optional.empty()
                : Optional.of(new Skip(DUPLICATE, "of line " + first));
        return new Entry(line, written, Optional.of(handle), parameters, skip);
    }

    private static FileFormatException problem(String source, int line, String field, String problem) {
        return new FileFormatException(ErrorCode.INVALID_RECIPIENT_LIST, source, line, field, problem);
    }

    private static FileFormatException wholeFile(String source, String problem) {
        return problem(source, 0, null, problem);
    }
}
