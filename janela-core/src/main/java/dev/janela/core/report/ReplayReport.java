package dev.janela.core.report;

import dev.janela.core.plan.PricingPlan;
import dev.janela.core.pricing.Category;
import dev.janela.core.replay.ReplayResult;
import dev.janela.core.replay.Tally;
import dev.janela.core.session.SessionModel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The two summaries of a replay: the JSON object scripts read, with exactly the documented keys, and the table
 * people read.
 */
public final class ReplayReport {
    private ReplayReport() {
    }

    /**
     * The result as one JSON object on one line:
     * {@code {"model":"session","currency":"USD","events":7,"duplicates":0,"invalid":0,"rejected":1,"charges":2,
     * "total":"0.0600","byCategory":{...},"byMarket":{...}}}. Amounts are decimal strings.
     */
    public static String json(ReplayResult result) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"model\":").append(Json.quote(result.model()))
                .append(",\"currency\":").append(Json.quote(result.currency().getCurrencyCode()))
                .append(",\"events\":").append(result.events())
                .append(",\"duplicates\":").append(result.duplicates())
                .append(",\"invalid\":").append(result.invalid())
                .append(",\"rejected\":").append(result.rejected())
                .append(",\"charges\":").append(result.charges())
                .append(",\"total\":").append(Json.quote(result.format(result.total())))
                .append(",\"byCategory\":");
        tallies(json, result, toWireNames(result.byCategory()));
        json.append(",\"byMarket\":");
        tallies(json, result, result.byMarket());
        if (reportsFree(result)) {
            json.append(",\"free\":");
            counts(json, result.free());
        }
        return json.append('}').toString();
    }

    /**
     * Whether a result counts free units: those of Meta's models do; the {@code session} model has none, and its
     * output keeps the documented keys alone.
     */
    static boolean reportsFree(ReplayResult result) {
        return !result.model().equals(SessionModel.NAME);
    }

    static void counts(StringBuilder json, Map<Category, Long> counts) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<Category, Long> entry : counts.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append(Json.quote(entry.getKey().wireName())).append(':').append(entry.getValue());
        }
        json.append('}');
    }

    /** The result as a table for people, with thousands separators. */
    public static String table(String source, ReplayResult result) {
        Map<String, Tally> byCategory = toWireNames(result.byCategory());
        Map<String, Tally> byMarket = result.byMarket();
        int nameWidth = Stream.concat(Stream.of("By category", "Conversations"),
                Stream.concat(byCategory.keySet().stream(), byMarket.keySet().stream()))
                .mapToInt(String::length).max().orElseThrow();
        int countWidth = Stream.of(result.events(), result.conversations(), result.charges())
                .mapToInt(count -> count(count).length()).max().orElseThrow();
        String currency = result.currency().getCurrencyCode();
        StringBuilder table = new StringBuilder(512);
        table.append("Replay of ").append(source).append(" with ").append(result.model().equals(PricingPlan.PLAN)
                ? "a pricing plan" : "the " + result.model() + " model").append("\n\n");
        String line = "  %-" + nameWidth + "s  %" + countWidth + "s   %s";
        summary(table, line, "Events", result.events(), plural(result.duplicates(), "duplicate") + " ignored, "
                + plural(result.invalid(), "malformed line") + " skipped");
        summary(table, line, "Conversations", result.conversations(), "");
        summary(table, line, "Refused", result.rejected(), "free-form messages outside the window (131047)");
        summary(table, line, "Not delivered", result.notDelivered(), "failed sends, not charged");
        summary(table, line, "Charges", result.charges(), "total " + result.format(result.total()) + " "
                + currency);
        if (reportsFree(result)) {
            summary(table, line, "Free", result.free().values().stream().mapToLong(Long::longValue).sum(),
                    freeNote(result.free()));
        }
        int totalWidth = Stream.concat(Stream.of(result.total()), Stream.concat(
                byCategory.values().stream().map(Tally::total), byMarket.values().stream().map(Tally::total)))
                .mapToInt(amount -> result.format(amount).length()).max().orElseThrow();
        String row = "  %-" + nameWidth + "s  %" + Math.max(countWidth, "Charges".length()) + "s  %"
                + Math.max(totalWidth, "Total".length()) + "s%n";
        breakdown(table, row, "By category", byCategory, result);
        breakdown(table, row, "By market", byMarket, result);
        return table.toString();
    }

    static String freeNote(Map<Category, Long> free) {
        StringBuilder note = new StringBuilder();
        free.forEach((category, count) -> note.append(note.length() == 0 ? "" : ", ").append(category.wireName())
                .append(' ').append(count(count)));
        return note.length() == 0 ? "units that cost nothing" : note.toString();
    }

    static Map<String, Tally> toWireNames(Map<Category, Tally> byCategory) {
        Map<String, Tally> named = new LinkedHashMap<>();
        byCategory.forEach((category, tally) -> named.put(category.wireName(), tally));
        return named;
    }

    private static void tallies(StringBuilder json, ReplayResult result, Map<String, Tally> tallies) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append(Json.quote(entry.getKey())).append(":{\"charges\":").append(entry.getValue().charges())
                    .append(",\"total\":").append(Json.quote(result.format(entry.getValue().total()))).append('}');
        }
        json.append('}');
    }

    private static void summary(StringBuilder table, String format, String label, long value, String note) {
        table.append(String.format(Locale.ROOT, format, label, count(value), note).stripTrailing()).append('\n');
    }

    private static void breakdown(StringBuilder table, String row, String title, Map<String, Tally> tallies,
            ReplayResult result) {
        if (tallies.isEmpty()) {
            return;
        }
        table.append('\n').append(String.format(Locale.ROOT, row, title, "Charges", "Total"));
        tallies.forEach((name, tally) -> table.append(String.format(Locale.ROOT, row, name, count(tally.charges()),
                result.format(tally.total()))));
    }

    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static String plural(long count, String noun) {
        return count(count) + " " + noun + (count == 1 ? "" : "s");
    }
}
