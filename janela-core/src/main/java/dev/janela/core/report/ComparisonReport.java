package dev.janela.core.report;

import dev.janela.core.money.Money;
import dev.janela.core.pricing.Category;
import dev.janela.core.replay.ReplayResult;
import dev.janela.core.replay.Tally;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The same traffic priced under several models, side by side: each model's total, charges and free units, and
 * its difference from the first (the baseline), overall and by market; and each model's charges by category. As
 * JSON for scripts and as a table for people.
 */
public final class ComparisonReport {
    private final String source;
    private final List<ReplayResult> results;
    private final ReplayResult baseline;
    private final int scale;

    /**
     * @param source the log's name, for the table's title
     * @param results one result for each model, the baseline first; all of one log and one currency
     */
    public ComparisonReport(String source, List<ReplayResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare");
        }
        this.source = source;
        this.results = List.copyOf(results);
        this.baseline = results.get(0);
        this.scale = results.stream().mapToInt(ReplayResult::displayScale).max().orElseThrow();
    }

    /**
     * One JSON object: {@code {"baseline":"session","currency":"USD","events":7,"conversations":2,
     * "models":{"session":{"charges":2,"total":"0.0600","free":{},"difference":"0.0000"},...},
     * "byMarket":{"BR":{"session":{"charges":2,"total":"0.0600","difference":"0.0000"},...}},
     * "byCategory":{"user_initiated":{"session":{"charges":2,"total":"0.0600"}},...}}}}. A model without charges
     * in a market appears there with zero.
     */
    public String json() {
        JsonWriter json = new JsonWriter(512).beginObject()
                .member("baseline", baseline.model())
                .member("currency", baseline.currency().getCurrencyCode())
                .member("events", baseline.events())
                .member("conversations", baseline.conversations());
        models(json.name("models"));
        byMarket(json.name("byMarket"));
        byCategory(json.name("byCategory"));
        return json.endObject().toString();
    }

    /** Writes the value of the member just named: each model's tally, difference and free units. */
    private void models(JsonWriter json) {
        json.beginObject();
        for (ReplayResult result : results) {
            json.name(result.model()).beginObject();
            tally(json, result.totals(), baseline.totals().total());
            ReplayReport.counts(json.name("free"), result.free());
            json.endObject();
        }
        json.endObject();
    }

    /** Writes the value of the member just named: each market's tally and difference for every model. */
    private void byMarket(JsonWriter json) {
        json.beginObject();
        for (String market : markets()) {
            json.name(market).beginObject();
            Money base = tallyOf(baseline.byMarket().get(market), baseline).total();
            for (ReplayResult result : results) {
                json.name(result.model()).beginObject();
                tally(json, tallyOf(result.byMarket().get(market), result), base);
                json.endObject();
            }
            json.endObject();
        }
        json.endObject();
    }

    /** Writes the value of the member just named: each category's tally for the models that charge it. */
    private void byCategory(JsonWriter json) {
        json.beginObject();
        for (Category category : categories()) {
            json.name(category.wireName()).beginObject();
            for (ReplayResult result : results) {
                Tally tally = result.byCategory().get(category);
                if (tally != null) {
                    json.name(result.model()).beginObject();
                    tally(json, tally);
                    json.endObject();
                }
            }
            json.endObject();
        }
        json.endObject();
    }

    /** The comparison as a table for people: one column per model, then each model's difference. */
    public String table() {
        List<String> header = new ArrayList<>();
        header.add("");
        results.forEach(result -> header.add(result.model()));
        results.subList(1, results.size()).forEach(result -> header.add("vs " + baseline.model() + ": "
                + result.model()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        rows.add(row("Total", results.stream().map(result -> format(result.total())).toList(),
                differences(results.stream().map(ReplayResult::total).toList())));
        rows.add(row("Charges", results.stream().map(result -> ReplayReport.count(result.charges())).toList(),
                List.of()));
        rows.add(row("Free units", results.stream().map(result -> ReplayReport.count(
                result.free().values().stream().mapToLong(Long::longValue).sum())).toList(), List.of()));
        List<List<String>> markets = new ArrayList<>();
        for (String market : markets()) {
            List<Money> totals = results.stream().map(result -> tallyOf(result.byMarket().get(market), result)
                    .total()).toList();
            markets.add(row(market, totals.stream().map(this::format).toList(), differences(totals)));
        }
        List<List<String>> categories = new ArrayList<>();
        for (Category category : categories()) {
            categories.add(row(category.wireName(), results.stream().map(result -> {
                Tally tally = result.byCategory().get(category);
                return tally == null ? "-" : format(tally.total());
            }).toList(), List.of()));
        }
        int[] widths = new int[header.size()];
        for (List<List<String>> block : List.of(rows, markets, categories, List.of(List.of("By category")))) {
            for (List<String> row : block) {
                for (int column = 0; column < row.size(); column++) {
                    widths[column] = Math.max(widths[column], row.get(column).length());
                }
            }
        }
        StringBuilder table = new StringBuilder(1024);
        table.append("Comparison of ").append(source).append(": ").append(ReplayReport.count(baseline.events()))
                .append(" events, ").append(ReplayReport.count(baseline.conversations())).append(" conversations, ")
                .append(baseline.currency().getCurrencyCode()).append("\n\n");
        rows.forEach(row -> line(table, row, widths));
        if (!markets.isEmpty()) {
            table.append("\nBy market\n");
            markets.forEach(row -> line(table, row, widths));
        }
        if (!categories.isEmpty()) {
            table.append("\nBy category\n");
            categories.forEach(row -> line(table, row, widths));
        }
        return table.toString();
    }

    private List<String> differences(List<Money> totals) {
        Money base = totals.get(0);
        return totals.subList(1, totals.size()).stream().map(total -> signed(total.plus(base.negate()))).toList();
    }

    private static List<String> row(String label, List<String> values, List<String> differences) {
        List<String> row = new ArrayList<>();
        row.add(label);
        row.addAll(values);
        row.addAll(differences);
        return row;
    }

    private static void line(StringBuilder table, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        line.append(String.format(Locale.ROOT, "%-" + widths[0] + "s", row.get(0)));
        for (int column = 1; column < row.size(); column++) {
            line.append(String.format(Locale.ROOT, "  %" + widths[column] + "s", row.get(column)));
        }
        table.append(line.toString().stripTrailing()).append('\n');
    }

    private Set<String> markets() {
        Set<String> markets = new TreeSet<>();
        results.forEach(result -> markets.addAll(result.byMarket().keySet()));
        return markets;
    }

    private Set<Category> categories() {
        Set<Category> categories = new LinkedHashSet<>();
        results.forEach(result -> categories.addAll(result.byCategory().keySet()));
        return categories;
    }

    private static Tally tallyOf(Tally tally, ReplayResult result) {
        return tally != null ? tally : new Tally(0, Money.zero(result.currency()));
    }

    /** Writes a tally's members into the open object: its charges and total. */
    private void tally(JsonWriter json, Tally tally) {
        json.member("charges", tally.charges()).member("total", format(tally.total()));
    }

    /** Writes a tally's members into the open object: its charges, total and difference from the baseline's. */
    private void tally(JsonWriter json, Tally tally, Money baselineTotal) {
        tally(json, tally);
        json.member("difference", format(tally.total().plus(baselineTotal.negate())));
    }

    private String format(Money amount) {
        return amount.toPlainString(Math.max(scale, amount.minimumScale()));
    }

    private String signed(Money amount) {
        return (amount.micros() > 0 ? "+" : "") + format(amount);
    }
}
