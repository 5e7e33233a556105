package dev.janela.core.ratecard;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import dev.janela.core.internal.Csv;
import dev.janela.core.internal.FileProblems;
import dev.janela.core.internal.Plural;
import dev.janela.core.money.Money;
import dev.janela.core.phone.PhoneCountries;
import dev.janela.core.pricing.Category;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a rate card from its CSV text:
 *
 * <pre>
 * market,category,price,currency
 * BR,user_initiated,0.0300,USD
 * Rest of Latin America,business_initiated,0.0740,USD
 * *,user_initiated,0.0100,USD
 * </pre>
 *
 * <p>The columns may come in any order. {@code market} is an ISO 3166-1 alpha-2 code, a region name or {@code *};
 * {@code category} one of {@link Category}; {@code price} a non-negative decimal with at most six fractional digits;
 * {@code currency} an ISO 4217 code, the same on every line. A file is read whole or refused with one
 * {@link FileFormatException} naming every bad line (or the first {@value FileFormatException#MOST_LINES_LISTED}),
 * and on each, every field at fault.
 */
public final class RateCardParser {
    /** Columns in the order the documentation gives them. */
    static final List<String> COLUMNS = List.of("market", "category", "price", "currency");
    /** No WhatsApp price comes near this in any currency; a larger one is a typing mistake. */
    private static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1_000_000);
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final int MIN_DISPLAY_SCALE = 2;
    private static final String KNOWN_CATEGORIES =
            Arrays.stream(Category.values()).map(Category::wireName).collect(Collectors.joining(", "));

    private RateCardParser() {
    }

    /**
     * Parses one version of a rate card.
     *
     * @param source the file's name as the user gave it, for messages
     * @param text the file's content
     * @param version the version's label
     * @param effectiveFrom the instant the version takes effect
     * @throws FileFormatException with code {@link ErrorCode#INVALID_RATE_CARD} if the text is not a valid rate card
     */
    public static RateCard parse(String source, String text, String version, Instant effectiveFrom) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        List<Csv.SyntaxException> badLines = new ArrayList<>();
        List<Csv.Row> rows = Csv.parse(text, badLines);
        // A bad line before the header leaves the file without one, and the lines after it cannot be read.
        if (!badLines.isEmpty() && (rows.isEmpty() || badLines.get(0).line() < rows.get(0).line())) {
            throw error(source, badLines.get(0));
        }
        if (rows.isEmpty()) {
            throw error(source, 0, null, "is empty; expected a header line \"" + String.join(",", COLUMNS) + "\"");
        }
        int[] columnOf = header(source, rows.get(0));
        if (rows.size() == 1 && badLines.isEmpty()) {
            throw error(source, rows.get(0).line(), null, "has a header but no prices");
        }
        return new Builder(source, columnOf, version).addAll(rows.subList(1, rows.size()), badLines)
                .build(effectiveFrom);
    }

    /** For each of {@link #COLUMNS}, its position in the file's header. */
    private static int[] header(String source, Csv.Row header) {
        try {
            return Csv.columnsOf(header, COLUMNS);
        } catch (Csv.SyntaxException e) {
            throw error(source, e);
        }
    }

    private static FileFormatException error(String source, Csv.SyntaxException bad) {
        return error(source, bad.line(), null, bad.getMessage());
    }

    private static FileFormatException error(String source, int line, String field, String problem) {
        return new FileFormatException(ErrorCode.INVALID_RATE_CARD, source, line, field, problem);
    }

    /**
     * The price written as {@code text}: a non-negative decimal with at most six fractional digits, within reason.
     *
     * @param error makes the exception that reports a problem with the text
     */
    static BigDecimal price(String text, Function<String, FileFormatException> error) {
        if (text.isEmpty()) {
            throw error.apply("is empty; expected a decimal such as 0.0625");
        }
        if (text.startsWith("-")) {
            throw error.apply("\"" + text + "\" is negative; prices are never negative");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw error.apply("\"" + text + "\" is not a decimal such as 0.0625 (digits, a point, and up to 6"
                    + " fractional digits)");
        }
        BigDecimal price = new BigDecimal(text);
        if (price.scale() > Money.MAX_SCALE) {
            throw error.apply("\"" + text + "\" has " + price.scale() + " fractional digits; at most "
                    + Money.MAX_SCALE + " are allowed");
        }
        if (price.compareTo(MAX_PRICE) > 0) {
            throw error.apply("\"" + text + "\" is over " + MAX_PRICE.toPlainString()
                    + ", more than any WhatsApp price; check the decimal point");
        }
        return price;
    }

    /**
     * The market written as {@code text}: a country code (upper-cased), a region name, or {@code *}.
     *
     * @param error makes the exception that reports a problem with the text
     */
    static String market(String text, Function<String, FileFormatException> error) {
        if (text.isEmpty()) {
            throw error.apply("is empty; expected a country code such as BR, a region name, or * for every market"
                    + " not listed");
        }
        if (text.length() == 2 && text.chars().allMatch(Character::isLetter)) {
            String country = text.toUpperCase(Locale.ROOT);
            if (!PhoneCountries.isCountryCode(country)) {
                throw error.apply("\"" + text + "\" is not an ISO 3166-1 country code");
            }
            return country;
        }
        return text;
    }

    /** Collects the rows of one file, checking each and all of them together, and noting every bad one. */
    private static final class Builder {
        private final String source;
        private final FileProblems problems;
        private final int[] columnOf;
        private final String version;
        private final Map<String, Map<Category, Price>> byMarket = new HashMap<>();
        private final Map<String, Integer> lineOfPrice = new HashMap<>();
        private Currency currency;
        private int currencyLine;
        private int displayScale = MIN_DISPLAY_SCALE;

        Builder(String source, int[] columnOf, String version) {
            this.source = source;
            this.problems = new FileProblems(ErrorCode.INVALID_RATE_CARD, source);
            this.columnOf = columnOf;
            this.version = Objects.requireNonNull(version, "version");
        }

        /** Adds the prices on {@code rows}, noting what is wrong with them and with the lines that are not CSV. */
        Builder addAll(List<Csv.Row> rows, List<Csv.SyntaxException> badLines) {
            badLines.forEach(bad -> problems.add(List.of(error(source, bad))));
            for (Csv.Row row : rows) {
                add(row);
            }
            return this;
        }

        /** The rate card, unless a line was bad. */
        RateCard build(Instant effectiveFrom) {
            problems.throwIfAny();
            return new RateCard(version, effectiveFrom, currency, byMarket, displayScale);
        }

        /** Adds the price on {@code row}, or notes what is wrong with it: every field at fault. */
        private void add(Csv.Row row) {
            List<String> fields = row.fields();
            if (fields.size() != COLUMNS.size()) {
                problems.add(List.of(error(source, row.line(), null, "has " + Plural.of(fields.size(), "field")
                        + "; expected " + COLUMNS.size() + " (" + String.join(",", COLUMNS) + ")")));
                return;
            }
            List<FileFormatException> found = new ArrayList<>();
            String market = read(found, () -> market(row, field(fields, 0)));
            Category category = read(found, () -> category(row, field(fields, 1)));
            BigDecimal price = read(found, () -> price(row, field(fields, 2)));
            Currency rowCurrency = read(found, () -> currency(row, field(fields, 3)));
            if (!found.isEmpty()) {
                problems.add(found);
                return;
            }
            String key = market + "\u0000" + category.wireName();
            Integer earlier = lineOfPrice.putIfAbsent(key, row.line());
            if (earlier != null) {
                problems.add(List.of(error(source, row.line(), null, "market " + market + ", category "
                        + category.wireName() + " is priced twice (lines " + earlier + " and " + row.line() + ")")));
                return;
            }
            displayScale = Math.max(displayScale, price.scale());
            byMarket.computeIfAbsent(market, unused -> new EnumMap<>(Category.class))
                    .put(category, new Price(Money.of(rowCurrency, price), version));
        }

        /** What {@code field} reads; null, with its problem added to {@code found}, if it cannot be read. */
        private static <T> T read(List<FileFormatException> found, Supplier<T> field) {
            try {
                return field.get();
            } catch (FileFormatException problem) {
                found.add(problem);
                return null;
            }
        }

        private String field(List<String> fields, int column) {
            return fields.get(columnOf[column]);
        }

        private String market(Csv.Row row, String market) {
            return RateCardParser.market(market, problem -> error(source, row.line(), "market", problem));
        }

        private Category category(Csv.Row row, String name) {
            return Category.fromWireName(name.toLowerCase(Locale.ROOT)).orElseThrow(() -> error(source, row.line(),
                    "category", "\"" + name + "\" is not a category; expected one of " + KNOWN_CATEGORIES));
        }

        private BigDecimal price(Csv.Row row, String text) {
            return RateCardParser.price(text, problem -> error(source, row.line(), "price", problem));
        }

        private Currency currency(Csv.Row row, String code) {
            if (!CURRENCY_CODE.matcher(code).matches()) {
                throw error(source, row.line(), "currency", "\"" + code + "\" is not an ISO 4217 code such as USD");
            }
            Currency rowCurrency;
            try {
                rowCurrency = Currency.getInstance(code);
            } catch (IllegalArgumentException unknown) {
                throw error(source, row.line(), "currency", "\"" + code + "\" is not an ISO 4217 currency code");
            }
            if (currency == null) {
                currency = rowCurrency;
                currencyLine = row.line();
            } else if (!currency.equals(rowCurrency)) {
                throw error(source, row.line(), "currency", code + " differs from " + currency.getCurrencyCode()
                        + " on line " + currencyLine + "; a rate card has one currency");
            }
            return rowCurrency;
        }
    }
}
