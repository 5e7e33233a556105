package dev.janela.core.ratecard;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import dev.janela.core.internal.Csv;
import dev.janela.core.internal.Plural;
import dev.janela.core.money.Money;
import dev.janela.core.pricing.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads volume tiers from their CSV text, one range of a month's messages a line:
 *
 * <pre>
 * market,category,from,to,price
 * IN,utility,1,25000000,0.0014
 * IN,utility,25000001,50000000,0.0012
 * IN,utility,50000001,,0.0010
 * </pre>
 *
 * <p>The columns may come in any order. {@code market} is as in a rate card ({@code *} for every market without
 * tiers of its own); {@code category} is {@code utility}, {@code authentication} or
 * {@code authentication_international}, the only ones Meta tiers; {@code from} and {@code to} number the month's
 * messages from 1, {@code to} empty for an open range; ranges of one market and category may not overlap. The
 * price is in the rate card's currency. Every problem names the file, the line and the field.
 */
public final class VolumeTiersParser {
    static final List<String> COLUMNS = List.of("market", "category", "from", "to", "price");
    private static final Set<Category> TIERED =
            EnumSet.of(Category.UTILITY, Category.AUTHENTICATION, Category.AUTHENTICATION_INTERNATIONAL);

    private VolumeTiersParser() {
    }

    /**
     * Parses a tiers file.
     *
     * @param source the file's name as the user gave it, for messages and as the tiers' version
     * @throws FileFormatException with code {@link ErrorCode#INVALID_VOLUME_TIERS} if the text is not valid
     */
    public static VolumeTiers parse(String source, String text) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        List<Csv.Row> rows;
        int[] columnOf;
        try {
            rows = Csv.parse(text);
            if (rows.isEmpty()) {
                throw error(source, 0, null, "is empty; expected a header line \"" + String.join(",", COLUMNS)
                        + "\"");
            }
            columnOf = Csv.columnsOf(rows.get(0), COLUMNS);
        } catch (Csv.SyntaxException e) {
            throw error(source, e.line(), null, e.getMessage());
        }
        Map<String, List<Row>> byKey = new HashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            Row parsed = row(source, row, columnOf);
            byKey.computeIfAbsent(VolumeTiers.key(parsed.market, parsed.category), unused -> new ArrayList<>())
                    .add(parsed);
        }
        Map<String, List<VolumeTiers.Tier>> tiers = new HashMap<>();
        byKey.forEach((key, ranges) -> tiers.put(key, checked(source, ranges)));
        return new VolumeTiers(source, tiers);
    }

    private record Row(int line, String market, Category category, VolumeTiers.Tier tier) {
    }

    private static Row row(String source, Csv.Row row, int[] columnOf) {
        List<String> fields = row.fields();
        if (fields.size() != COLUMNS.size()) {
            throw error(source, row.line(), null, "has " + Plural.of(fields.size(), "field") + "; expected "
                    + COLUMNS.size() + " (" + String.join(",", COLUMNS) + ")");
        }
        String market = RateCardParser.market(fields.get(columnOf[0]),
                problem -> error(source, row.line(), "market", problem));
        String categoryName = fields.get(columnOf[1]);
        Category category = Category.fromWireName(categoryName.toLowerCase(Locale.ROOT)).filter(TIERED::contains)
                .orElseThrow(() -> error(source, row.line(), "category", "\"" + categoryName + "\" is not tiered;"
                        + " expected utility, authentication or authentication_international"));
        long from = number(source, row, "from", fields.get(columnOf[2]));
        String toText = fields.get(columnOf[3]);
        long to = toText.isEmpty() ? Long.MAX_VALUE : number(source, row, "to", toText);
        if (to < from) {
            throw error(source, row.line(), "to", toText + " is before from (" + from + ")");
        }
        long micros = RateCardParser.price(fields.get(columnOf[4]),
                problem -> error(source, row.line(), "price", problem)).movePointRight(Money.MAX_SCALE)
                .longValueExact();
        return new Row(row.line(), market, category, new VolumeTiers.Tier(from, to, micros));
    }

    private static List<VolumeTiers.Tier> checked(String source, List<Row> ranges) {
        ranges.sort(Comparator.comparingLong(range -> range.tier().from()));
        for (int index = 1; index < ranges.size(); index++) {
            Row earlier = ranges.get(index - 1);
            Row later = ranges.get(index);
            if (later.tier().from() <= earlier.tier().to()) {
                throw error(source, later.line(), "from", "the range " + later.tier().from() + "-"
                        + to(later.tier()) + " overlaps " + earlier.tier().from() + "-" + to(earlier.tier())
                        + " on line " + earlier.line() + " (" + later.market() + ", "
                        + later.category().wireName() + ")");
            }
        }
        return ranges.stream().map(Row::tier).toList();
    }

    private static String to(VolumeTiers.Tier tier) {
        return tier.to() == Long.MAX_VALUE ? "" : Long.toString(tier.to());
    }

    private static long number(String source, Csv.Row row, String field, String text) {
        long number;
        try {
            number = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(source, row.line(), field, "\"" + text + "\" is not a whole number such as 25000001");
        }
        if (number < 1) {
            throw error(source, row.line(), field, number + " is not a message number; the month's first is 1");
        }
        return number;
    }

    private static FileFormatException error(String source, int line, String field, String problem) {
        return new FileFormatException(ErrorCode.INVALID_VOLUME_TIERS, source, line, field, problem);
    }
}
