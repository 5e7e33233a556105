package dev.janela.server.report;

import dev.janela.server.ledger.Ledger;
import dev.janela.server.plan.FreeServiceMessages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cost report as the API and the Billing page show it: each group's key, by the dimension it is grouped by, with
 * its sums; and the sums of the whole period.
 */
record CostView(Instant from, Instant to, List<String> groupBy, List<Map<String, Object>> groups, Sums totals,
        List<FreeServiceMessages.Use> freeServiceMessages) {
    /** The sums of a whole report, or of one group; {@code total} is a decimal string. */
    record Sums(String total, String currency, long charges, long reversals, long sessions) {
        static Sums of(List<CostReports.Group> groups) {
            long total = 0;
            long charges = 0;
            long reversals = 0;
            long sessions = 0;
            String currency = null;
            for (CostReports.Group group : groups) {
                total = Math.addExact(total, group.totalMicros());
                charges += group.charges();
                reversals += group.reversals();
                sessions += group.sessions();
                currency = currency == null ? group.currency() : currency;
            }
            return new Sums(Ledger.decimal(total, 4), currency, charges, reversals, sessions);
        }
    }

    /** @param freeService each business number's free service messages used in each month of the period */
    static CostView of(Reports.Query query, List<CostReports.Group> groups, List<FreeServiceMessages.Use> freeService) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (CostReports.Group group : groups) {
            Map<String, Object> entry = new LinkedHashMap<>();
            for (int i = 0; i < query.groupBy().size(); i++) {
                entry.put(query.groupBy().get(i).wireName(), group.key().get(i));
            }
            Sums sums = Sums.of(List.of(group));
            entry.put("total", sums.total());
            entry.put("currency", sums.currency());
            entry.put("charges", sums.charges());
            entry.put("reversals", sums.reversals());
            entry.put("sessions", sums.sessions());
            shown.add(entry);
        }
        return new CostView(query.from(), query.to(), query.groupBy().stream().map(Dimension::wireName).toList(),
                shown, Sums.of(groups), freeService);
    }
}
