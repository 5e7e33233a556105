package dev.janela.core.report;

import dev.janela.core.plan.PricingPlan;
import dev.janela.core.pricing.Category;
import dev.janela.core.replay.ReplayResult;
import dev.janela.core.replay.Tally;
import dev.janela.core.session.SessionModel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
        JsonWriter json = new JsonWriter(256).beginObject()
                .member("model", result.model())
                .member("currency", result.currency().getCurrencyCode())
                .member("events", result.events())
                .member("duplicates", result.duplicates())
                .member("invalid", result.invalid())
                .member("rejected", result.rejected())
                .member("charges", result.charges())
                .member("total", result.format(result.total()));
        tallies(json.name("byCategory"), result, toWireNames(result.byCategory()));
        tallies(json.name("byMarket"), result, result.byMarket());
        if (reportsFree(result)) {
            counts(json.name("free"), result.free());
        }
        return json.endObject().toString();
    }

    /**
     * Whether a result counts free units: those of Meta's models do; the {@code session} model has none, and its
     * output keeps the documented keys alone.
     */
    private static boolean reportsFree(ReplayResult result) {
        return !result.model().equals(SessionModel.NAME);
    }

    /** Writes the value of the member just named: an object of {@code counts} by category. */
    static void counts(JsonWriter json, Map<Category, Long> counts) {
        json.beginObject();
        counts.forEach((category, count) -> json.member(category.wireName(), count));
        json.endObject();
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

    private static String freeNote(Map<Category, Long> free) {
        return free.isEmpty() ? "units that cost nothing" : free.entrySet().stream()
                .map(entry -> entry.getKey().wireName() + ' ' + count(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static Map<String, Tally> toWireNames(Map<Category, Tally> byCategory) {
        Map<String, Tally> named = new LinkedHashMap<>();
        byCategory.forEach((category, tally) -> named.put(category.wireName(), tally));
        return named;
    }

    /** Writes the value of the member just named: an object of {@code tallies}, each with its charges and total. */
    private static void tallies(JsonWriter json, ReplayResult result, Map<String, Tally> tallies) {
        json.beginObject();
        tallies.forEach((name, tally) -> json.name(name).beginObject().member("charges", tally.charges())
                .member("total", result.format(tally.total())).endObject());
        json.endObject();
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
