package dev.janela.server.report;

import dev.janela.core.plan.PricingModels;
import dev.janela.core.report.CsvField;
import dev.janela.server.account.Role;
import dev.janela.server.ledger.Ledger;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports}: what a period cost, grouped by any of day, month, market, category and channel (JSON, or
 * CSV with {@code Accept: text/csv}); and, day by day, the sessions opened against the sends refused. A period is
 * {@code [from, to)}; by default, the current month (UTC) so far. With {@code model}, the costs are those of the
 * same traffic priced again under that model, without touching the ledger; there, {@code sessions} counts the
 * charged units.
 */
@RestController
class ReportController {
    private static final String CSV_COUNTS = "total,currency,charges,reversals,sessions";

    private final CostReports reports;
    private final Repricing repricing;
    private final Clock clock;

    ReportController(CostReports reports, Repricing repricing, Clock clock) {
        this.reports = reports;
        this.repricing = repricing;
        this.clock = clock;
    }

    /** The sums of a whole report, or of one group. */
    record Sums(String total, String currency, long charges, long reversals, long sessions) {
    }

    record CostView(Instant from, Instant to, List<String> groupBy, List<Map<String, Object>> groups, Sums totals) {
    }

    record ActivityView(Instant from, Instant to, List<CostReports.Day> days) {
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping(path = "/api/reports/costs", produces = "application/json")
    CostView costs(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(name = "groupBy", required = false) String groupBy,
            @RequestParam(required = false) String model, HttpServletRequest http) {
        Query query = query(from, to, groupBy, model);
        List<CostReports.Group> groups = groups(Caller.of(http).accountId(), query);
        List<Map<String, Object>> shown = new ArrayList<>();
        for (CostReports.Group group : groups) {
            Map<String, Object> entry = new LinkedHashMap<>();
            for (int i = 0; i < query.groupBy.size(); i++) {
                entry.put(query.groupBy.get(i).wireName(), group.key().get(i));
            }
            Sums sums = sums(List.of(group));
            entry.put("total", sums.total());
            entry.put("currency", sums.currency());
            entry.put("charges", sums.charges());
            entry.put("reversals", sums.reversals());
            entry.put("sessions", sums.sessions());
            shown.add(entry);
        }
        return new CostView(query.from, query.to, query.groupBy.stream().map(Dimension::wireName).toList(), shown,
                sums(groups));
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping(path = "/api/reports/costs", produces = "text/csv")
    void costsCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(name = "groupBy", required = false) String groupBy,
            @RequestParam(required = false) String model, HttpServletRequest http,
            HttpServletResponse response) throws IOException {
        Query query = query(from, to, groupBy, model);
        List<CostReports.Group> groups = groups(Caller.of(http).accountId(), query);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"costs.csv\"");
        Writer out = response.getWriter();
        List<String> header = new ArrayList<>(query.groupBy.stream().map(Dimension::wireName).toList());
        header.add(CSV_COUNTS);
        out.write(String.join(",", header) + "\n");
        for (CostReports.Group group : groups) {
            List<String> cells = new ArrayList<>(group.key().stream().map(CsvField::of).toList());
            Sums sums = sums(List.of(group));
            cells.add(sums.total());
            cells.add(sums.currency() == null ? "" : sums.currency());
            cells.add(Long.toString(sums.charges()));
            cells.add(Long.toString(sums.reversals()));
            cells.add(Long.toString(sums.sessions()));
            out.write(String.join(",", cells) + "\n");
        }
        out.flush();
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/api/reports/activity")
    ActivityView activity(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletRequest http) {
        Query query = query(from, to, null, null);
        return new ActivityView(query.from, query.to, reports.activity(Caller.of(http).accountId(), query.from,
                query.to));
    }

    /** The ledger's groups, or, with a model, the groups of the same traffic priced again under it. */
    private List<CostReports.Group> groups(long accountId, Query query) {
        return query.model == null ? reports.costs(accountId, query.from, query.to, query.groupBy)
                : repricing.costs(accountId, query.from, query.to, query.groupBy, query.model);
    }

    private static Sums sums(List<CostReports.Group> groups) {
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

    /** A report's period and grouping, read and checked. */
    private record Query(Instant from, Instant to, List<Dimension> groupBy, String model) {
    }

    private Query query(String from, String to, String groupBy, String model) {
        List<FieldError> problems = new ArrayList<>();
        if (model != null && !PricingModels.NAMES.contains(model)) {
            problems.add(new FieldError("model", "'" + model + "' is not a pricing model; expected one of "
                    + String.join(", ", PricingModels.NAMES)));
        }
        Span span = Span.of(from, to, clock, problems);
        List<Dimension> dimensions = new ArrayList<>();
        if (groupBy != null && !groupBy.isBlank()) {
            for (String name : groupBy.split(",")) {
                Optional<Dimension> dimension = Dimension.fromWireName(name.strip());
                if (dimension.isEmpty() || dimensions.contains(dimension.get())) {
                    problems.add(new FieldError("groupBy", "is a list of distinct day, month, market, category and"
                            + " channel, such as day,market; not " + name.strip()));
                    break;
                }
                dimensions.add(dimension.get());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new Query(span.from(), span.to(), List.copyOf(dimensions), model);
    }
}
