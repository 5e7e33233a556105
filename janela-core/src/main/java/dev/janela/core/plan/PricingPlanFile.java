package dev.janela.core.plan;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import dev.janela.core.internal.Csv;
import dev.janela.core.internal.Days;
import dev.janela.core.internal.Plural;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a pricing plan file: which model and rate card apply from which date, and optionally which volume tiers.
 *
 * <pre>
 * from,model,rates,tiers
 * 2023-06-01,cbp-2023,rates-2023.csv,
 * 2025-07-01,pmp-2025,rates-2025.csv,tiers-2025.csv
 * </pre>
 *
 * <p>{@code from} is a day, which begins at midnight in the account's billing time zone, or an ISO-8601 instant;
 * {@code model} one of {@link PricingModels#NAMES}; {@code rates} and {@code tiers} name files, relative to the
 * plan's own folder. The {@code tiers} column may be left out. Every problem names the file, the line and the
 * field.
 */
public final class PricingPlanFile {
    private static final List<String> COLUMNS = List.of("from", "model", "rates");
    private static final List<String> COLUMNS_WITH_TIERS = List.of("from", "model", "rates", "tiers");

    private PricingPlanFile() {
    }

    /**
     * One period as the file gives it.
     *
     * @param line the 1-based line it is on
     * @param from when it takes over
     * @param model the pricing model's name
     * @param rates the rate card file, as written
     * @param tiers the volume tiers file, as written, if any
     */
    public record Row(int line, Instant from, String model, String rates, Optional<String> tiers) {
        public Row {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(rates, "rates");
            Objects.requireNonNull(tiers, "tiers");
        }
    }

    /**
     * The periods of a plan file, in file order.
     *
     * @param zone the billing time zone the file's days begin in
     * @throws FileFormatException with code {@link ErrorCode#INVALID_PRICING_PLAN} if the text is not a valid plan
     */
    public static List<Row> parse(String source, String text, ZoneId zone) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(zone, "zone");
        List<Csv.Row> rows;
        int[] columnOf;
        List<String> columns;
        try {
            rows = Csv.parse(text);
            if (rows.isEmpty()) {
                throw error(source, 0, null, "is empty; expected a header line \"from,model,rates,tiers\"");
            }
            columns = rows.get(0).fields().stream().anyMatch(name -> name.equalsIgnoreCase("tiers"))
                    ? COLUMNS_WITH_TIERS : COLUMNS;
            columnOf = Csv.columnsOf(rows.get(0), columns);
        } catch (Csv.SyntaxException e) {
            throw error(source, e.line(), null, e.getMessage());
        }
        if (rows.size() == 1) {
            throw error(source, rows.get(0).line(), null, "has a header but no periods");
        }
        List<Row> periods = new ArrayList<>();
        Map<Instant, Integer> lineOfStart = new HashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> fields = row.fields();
            if (fields.size() != columns.size()) {
                throw error(source, row.line(), null, "has " + Plural.of(fields.size(), "field") + "; expected "
                        + columns.size() + " (" + String.join(",", columns) + ")");
            }
            Instant from = from(source, row.line(), fields.get(columnOf[0]), zone);
            Integer earlier = lineOfStart.putIfAbsent(from, row.line());
            if (earlier != null) {
                throw error(source, row.line(), "from", "line " + earlier + " starts at the same time");
            }
            String model = fields.get(columnOf[1]);
            if (!PricingModels.NAMES.contains(model)) {
                throw error(source, row.line(), "model", "\"" + model + "\" is not a pricing model; expected one of "
                        + String.join(", ", PricingModels.NAMES));
            }
            String rates = fields.get(columnOf[2]);
            if (rates.isEmpty()) {
                throw error(source, row.line(), "rates", "is empty; expected the rate card file of the period");
            }
            Optional<String> tiers = columns.size() > COLUMNS.size() ? Optional.of(fields.get(columnOf[3]))
                    .filter(name -> !name.isEmpty()) : Optional.empty();
            periods.add(new Row(row.line(), from, model, rates, tiers));
        }
        return periods;
    }

    private static Instant from(String source, int line, String text, ZoneId zone) {
        return dayOrInstant(text, zone).orElseThrow(() -> error(source, line, "from", "\"" + text
                + "\" is not a day (2025-07-01) or an instant (2025-07-01T03:00:00Z)"));
    }

    /**
     * The instant {@code text} names: a day ({@code 2025-07-01}), which begins at midnight in {@code zone}, or an
     * ISO-8601 instant ({@code 2025-07-01T03:00:00Z}). Empty when it is neither.
     */
    public static Optional<Instant> dayOrInstant(String text, ZoneId zone) {
        return Days.dayOrInstant(text, zone);
    }

    private static FileFormatException error(String source, int line, String field, String problem) {
        return new FileFormatException(ErrorCode.INVALID_PRICING_PLAN, source, line, field, problem);
    }
}
