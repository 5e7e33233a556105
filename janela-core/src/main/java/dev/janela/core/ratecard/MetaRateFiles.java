package dev.janela.core.ratecard;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import dev.janela.core.internal.Csv;
import dev.janela.core.internal.FileProblems;
import dev.janela.core.internal.Plural;
import dev.janela.core.pricing.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Meta's own rate files, as Meta publishes them, turned into Janela's formats: the rate card file ({@code Pricing.csv},
 * one row a market and one column a category) into a rate card, and the volume tiers file ({@code Tier Pricing.csv},
 * whose first line names the volume tiers) into volume tiers. Both open with a few lines of notes, which are skipped;
 * a header cell may hold a line break ({@code "Authentication-\nInternational"}); markets are Meta's names
 * ({@code Brazil}, {@code Rest of Africa}, {@code Other}), currencies Meta's labels ({@code $US}) or ISO codes; a cell
 * of {@code n/a} or {@code --} has no price. A file is converted whole or refused, naming its line and the reason; a
 * rate card file, every line at fault.
 */
public final class MetaRateFiles {
    /** What a file of Meta's holds. */
    public enum Kind {
        /** List rates by market and category: Janela's rate card. */
        RATE_CARD,
        /** Graduated monthly rates of utility and authentication messages: Janela's volume tiers. */
        VOLUME_TIERS
    }

    /**
     * A file converted.
     *
     * @param kind what it held
     * @param csv the same prices in Janela's format, ready for {@link RateCardParser} or {@link VolumeTiersParser}
     * @param rows how many prices or ranges it holds
     * @param currency the currency Meta priced it in
     */
    public record Converted(Kind kind, String csv, int rows, Currency currency) {
        public Converted {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(csv, "csv");
            Objects.requireNonNull(currency, "currency");
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final int MAX_SCALE = 6;
    /** More messages than any business sends in a month: a count beyond it is a mistake. */
    private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(1_000_000_000_000L);
    /** Meta's labels of currencies that are not ISO 4217 codes. */
    private static final Map<String, String> CURRENCY_LABELS = Map.of("$US", "USD", "US$", "USD", "R$", "BRL",
            "€", "EUR", "£", "GBP", "₹", "INR", "A$", "AUD", "RP", "IDR");
    private static final Map<String, Category> CATEGORY_COLUMNS = Map.of("marketing", Category.MARKETING,
            "utility", Category.UTILITY, "authentication", Category.AUTHENTICATION,
            "authenticationinternational", Category.AUTHENTICATION_INTERNATIONAL, "service", Category.SERVICE);
    /** The columns of one category in the volume tiers file: from, to, rate type, rate, against the list rate. */
    private static final int TIER_GROUP = 5;
    private static final int TIER_RATE = 3;

    private MetaRateFiles() {
    }

    /**
     * Converts a file of Meta's, of either kind: a file whose first line names volume tiers is a tiers file.
     *
     * @param source the file's name as the user gave it, for messages
     * @throws FileFormatException naming the line and the reason, with {@link ErrorCode#INVALID_RATE_CARD} or
     *     {@link ErrorCode#INVALID_VOLUME_TIERS}, if the file cannot be read whole
     */
    public static Converted convert(String source, String text) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        return isVolumeTiersFile(text) ? volumeTiers(source, text) : rateCard(source, text);
    }

    /** Whether {@code text} is Meta's volume tiers file, which its first line names; Janela's own tiers are not. */
    public static boolean isVolumeTiersFile(String text) {
        return text.strip().lines().findFirst().orElse("").toLowerCase(Locale.ROOT).contains("volume tier");
    }

    private static Converted rateCard(String source, String text) {
        ErrorCode code = ErrorCode.INVALID_RATE_CARD;
        List<Csv.Row> rows = records(source, text, code);
        int headerAt = headerIndex(rows);
        if (headerAt < 0) {
            throw error(code, source, 0, "has no header line naming Market, Currency and the categories; is it"
                    + " Meta's rate card file (Pricing.csv)?");
        }
        Csv.Row header = rows.get(headerAt);
        if (header.fields().stream().map(name -> name.toLowerCase(Locale.ROOT)).sorted().toList()
                .equals(RateCardParser.COLUMNS.stream().sorted().toList())) {
            throw error(code, source, header.line(), "is already a rate card in Janela's format (market,category,"
                    + "price,currency), not one of Meta's files: use it as it is");
        }
        int currencyColumn = -1;
        Map<Integer, Category> categories = new LinkedHashMap<>();
        for (int column = 1; column < header.fields().size(); column++) {
            String name = letters(header.fields().get(column));
            if (name.equals("currency")) {
                currencyColumn = column;
            }
            Category category = CATEGORY_COLUMNS.get(name);
            if (category != null) {
                categories.put(column, category);
            }
        }
        if (currencyColumn < 0 || categories.isEmpty()) {
            throw error(code, source, header.line(), "the header names no Currency column or no category (Marketing,"
                    + " Utility, Authentication, Authentication-International, Service)");
        }
        StringBuilder csv = new StringBuilder("market,category,price,currency\n");
        FileProblems badRows = new FileProblems(code, source);
        Currency currency = null;
        int prices = 0;
        for (Csv.Row row : rows.subList(headerAt + 1, rows.size())) {
            if (isNote(row, currencyColumn)) {
                continue;
            }
            try {
                String market = market(code, source, row, row.fields().get(0));
                Currency rowCurrency = currency(code, source, row, cell(row, currencyColumn));
                currency = sameCurrency(code, source, row, currency, rowCurrency);
                for (Map.Entry<Integer, Category> column : categories.entrySet()) {
                    Optional<BigDecimal> price = number(code, source, row, cell(row, column.getKey()),
                            column.getValue().wireName());
                    if (price.isPresent()) {
                        csv.append(csvField(market)).append(',').append(column.getValue().wireName()).append(',')
                                .append(price.get().toPlainString()).append(',')
                                .append(currency.getCurrencyCode()).append('\n');
                        prices++;
                    }
                }
            } catch (FileFormatException badRow) {
                badRows.add(List.of(badRow)); // and on to the next, so that one answer names every bad row
            }
        }
        badRows.throwIfAny();
        if (prices == 0) {
            throw error(code, source, header.line(), "has a header but no prices");
        }
        String converted = csv.toString();
        RateCardParser.parse(source, converted, source, Instant.MIN);
        return new Converted(Kind.RATE_CARD, converted, prices, currency);
    }

    private static Converted volumeTiers(String source, String text) {
        ErrorCode code = ErrorCode.INVALID_VOLUME_TIERS;
        List<Csv.Row> rows = records(source, text, code);
        int headerAt = headerIndex(rows);
        if (headerAt < 0) {
            throw error(code, source, 0, "has no header line starting with Market; is it Meta's volume tiers file"
                    + " (Tier Pricing.csv)?");
        }
        Map<Integer, Category> groups = tierGroups(code, source, rows, headerAt);
        StringBuilder csv = new StringBuilder("market,category,from,to,price\n");
        Map<String, Long> lastTo = new HashMap<>();
        String market = null;
        Currency currency = null;
        int ranges = 0;
        for (Csv.Row row : rows.subList(headerAt + 1, rows.size())) {
            if (isNote(row, 1)) {
                continue;
            }
            if (!row.fields().get(0).isBlank()) {
                market = market(code, source, row, row.fields().get(0));
            } else if (market == null) {
                throw error(code, source, row.line(), "names no market, and no row above it does");
            }
            currency = sameCurrency(code, source, row, currency, currency(code, source, row, cell(row, 1)));
            for (Map.Entry<Integer, Category> group : groups.entrySet()) {
                int first = group.getKey();
                String category = group.getValue().wireName();
                Optional<Long> from = count(code, source, row, cell(row, first), category + " from");
                Optional<BigDecimal> price = number(code, source, row, cell(row, first + TIER_RATE),
                        category + " rate");
                if (from.isEmpty() || price.isEmpty()) {
                    continue;
                }
                Optional<Long> to = count(code, source, row, cell(row, first + 1), category + " to");
                String key = market + " " + category;
                long start = Math.max(1, from.get());
                Long previous = lastTo.get(key);
                if (previous != null && start <= previous) {
                    start = previous + 1; // Meta's ranges meet at their bounds; Janela's follow one another
                }
                csv.append(csvField(market)).append(',').append(category).append(',').append(start).append(',')
                        .append(to.map(String::valueOf).orElse("")).append(',')
                        .append(price.get().toPlainString()).append('\n');
                to.ifPresent(end -> lastTo.put(key, end));
                ranges++;
            }
        }
        if (ranges == 0) {
            throw error(code, source, rows.get(headerAt).line(), "has a header but no ranges");
        }
        String converted = csv.toString();
        VolumeTiersParser.parse(source, converted);
        return new Converted(Kind.VOLUME_TIERS, converted, ranges, currency);
    }

    /**
     * Where each category's columns begin: by the section line above the header (Utility, Authentication...), or,
     * without one, Meta's order.
     */
    private static Map<Integer, Category> tierGroups(ErrorCode code, String source, List<Csv.Row> rows,
            int headerAt) {
        Map<Integer, Category> groups = new LinkedHashMap<>();
        for (int index = headerAt - 1; index >= 0 && groups.isEmpty(); index--) {
            List<String> cells = rows.get(index).fields();
            for (int column = 2; column < cells.size(); column++) {
                Category category = CATEGORY_COLUMNS.get(letters(cells.get(column)));
                if (category != null) {
                    groups.put(column, category);
                }
            }
        }
        if (groups.isEmpty()) {
            List<Category> order = List.of(Category.UTILITY, Category.AUTHENTICATION,
                    Category.AUTHENTICATION_INTERNATIONAL);
            for (int group = 0; group < order.size(); group++) {
                groups.put(2 + group * TIER_GROUP, order.get(group));
            }
        }
        int width = rows.get(headerAt).fields().size();
        for (int first : groups.keySet()) {
            if (first + TIER_RATE >= width) {
                throw error(code, source, rows.get(headerAt).line(), "the header has " + Plural.of(width, "column")
                        + "; expected Market, Currency, then From, To, Rate type, Rate and vs. List rate for each"
                        + " category");
            }
        }
        return groups;
    }

    /**
     * The file's records, from the first that looks like a header on: a quoted cell may span lines, and is read as
     * one line without its line breaks; each record keeps the line it began on.
     */
    private static List<Csv.Row> records(String source, String text, ErrorCode code) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        StringBuilder joined = new StringBuilder();
        StringBuilder pendingBreaks = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < body.length(); index++) {
            char c = body.charAt(index);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '\n' && quoted) {
                pendingBreaks.append('\n'); // kept for after the record, so that later lines keep their numbers
                continue;
            }
            if (c == '\r' && quoted) {
                continue;
            }
            if (c == '\n') {
                joined.append('\n').append(pendingBreaks);
                pendingBreaks.setLength(0);
                continue;
            }
            joined.append(c);
        }
        if (quoted) {
            throw error(code, source, 0, "a quoted cell is not closed before the end of the file");
        }
        List<Csv.Row> rows = new ArrayList<>();
        String[] lines = joined.toString().split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            Optional<Csv.Row> row = lenient(lines[index], index + 1);
            if (row.isEmpty()) {
                continue; // a note before the header that is not CSV: skipped like the others
            }
            rows.add(row.get());
            if (headerIndex(rows) >= 0) {
                // From the header on, every line must be CSV; the blank lines keep the lines' numbers.
                String rest = String.join("\n", List.of(lines).subList(index + 1, lines.length));
                try {
                    rows.addAll(Csv.parse("\n".repeat(index + 1) + rest));
                } catch (Csv.SyntaxException e) {
                    throw error(code, source, e.line(), e.getMessage());
                }
                return rows;
            }
        }
        return rows;
    }

    private static Optional<Csv.Row> lenient(String line, int number) {
        try {
            return Csv.parse(line).stream().findFirst().map(row -> new Csv.Row(number, row.fields()));
        } catch (Csv.SyntaxException e) {
            return Optional.empty();
        }
    }

    /** The header: the first record whose first cell is Market (Meta adds "(per rate card)" in the tiers file). */
    private static int headerIndex(List<Csv.Row> rows) {
        for (int index = 0; index < rows.size(); index++) {
            List<String> fields = rows.get(index).fields();
            if (fields.size() > 2 && letters(fields.get(0)).startsWith("market")) {
                return index;
            }
        }
        return -1;
    }

    /** A line with neither a currency nor a price: a note or a blank row in Meta's layout. */
    private static boolean isNote(Csv.Row row, int currencyColumn) {
        return cell(row, currencyColumn).isBlank()
                && row.fields().stream().skip(1).allMatch(String::isBlank);
    }

    private static String cell(Csv.Row row, int column) {
        return column < row.fields().size() ? row.fields().get(column).strip() : "";
    }

    private static String letters(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "").replaceAll("[^a-z]", "");
    }

    private static String market(ErrorCode code, String source, Csv.Row row, String name) {
        String market = MarketNames.NAMES.get(name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        if (market == null) {
            throw error(code, source, row.line(), "market \"" + name.strip() + "\" is not one of Meta's markets (a"
                    + " country priced on its own such as Brazil, a region such as Rest of Africa, or Other)");
        }
        return market;
    }

    private static Currency currency(ErrorCode code, String source, Csv.Row row, String label) {
        String iso = CURRENCY_LABELS.getOrDefault(label.toUpperCase(Locale.ROOT), label.toUpperCase(Locale.ROOT));
        try {
            return Currency.getInstance(iso);
        } catch (IllegalArgumentException e) {
            throw error(code, source, row.line(), "currency \"" + label + "\" is neither Meta's label ($US) nor an ISO"
                    + " 4217 code (USD, BRL)");
        }
    }

    private static Currency sameCurrency(ErrorCode code, String source, Csv.Row row, Currency earlier,
            Currency currency) {
        if (earlier != null && !earlier.equals(currency)) {
            throw error(code, source, row.line(), "is priced in " + currency.getCurrencyCode() + ", the lines above in "
                    + earlier.getCurrencyCode() + "; one file holds one currency");
        }
        return currency;
    }

    /** A price or a count, without Meta's thousands separators; empty for a cell without one (n/a, --). */
    private static Optional<BigDecimal> number(ErrorCode code, String source, Csv.Row row, String cell,
            String what) {
        String text = cell.replace(",", "").strip();
        if (text.isEmpty() || text.equalsIgnoreCase("n/a") || text.equals("--") || text.equals("-")) {
            return Optional.empty();
        }
        if (!NUMBER.matcher(text).matches()) {
            throw error(code, source, row.line(), what + " \"" + cell + "\" is not a number");
        }
        BigDecimal number = new BigDecimal(text);
        if (number.scale() > MAX_SCALE) {
            throw error(code, source, row.line(), what + " \"" + cell + "\" has more than " + MAX_SCALE
                    + " decimal places");
        }
        return Optional.of(number);
    }

    /** A count of messages, without Meta's thousands separators; empty for a cell without one (--, n/a). */
    private static Optional<Long> count(ErrorCode code, String source, Csv.Row row, String cell, String what) {
        Optional<BigDecimal> number = number(code, source, row, cell, what);
        if (number.isPresent() && (number.get().scale() > 0 || number.get().compareTo(MAX_COUNT) > 0)) {
            throw error(code, source, row.line(), what + " \"" + cell + "\" is not a whole number of messages");
        }
        return number.map(BigDecimal::longValueExact);
    }

    private static String csvField(String text) {
        return text.indexOf(',') < 0 && text.indexOf('"') < 0 ? text : '"' + text.replace("\"", "\"\"") + '"';
    }

    private static FileFormatException error(ErrorCode code, String source, int line, String problem) {
        return new FileFormatException(code, source, line, null, problem);
    }

    /** Meta's market names and Janela's markets, read from the build once, when first needed. */
    private static final class MarketNames {
        static final Map<String, String> NAMES = read();

        private static Map<String, String> read() {
            try (InputStream in = MetaRateFiles.class.getResourceAsStream("meta-market-names.csv")) {
                if (in == null) {
                    throw new IllegalStateException("resource meta-market-names.csv is missing from the build");
                }
                Map<String, String> names = new HashMap<>();
                for (Csv.Row row : Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).stream()
                        .skip(1).toList()) {
                    names.put(row.fields().get(0).toLowerCase(Locale.ROOT), row.fields().get(1));
                    names.putIfAbsent(row.fields().get(1).toLowerCase(Locale.ROOT), row.fields().get(1));
                }
                return Map.copyOf(names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Csv.SyntaxException e) {
                throw new IllegalStateException("resource meta-market-names.csv is not valid CSV", e);
            }
        }
    }
}
