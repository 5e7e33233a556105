package dev.janela.server.report;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.web.Allowed;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
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
    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    record ActivityView(Instant from, Instant to, List<CostReports.Day> days) {
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping(path = "/api/reports/costs", produces = "application/json")
    CostView costs(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(name = "groupBy", required = false) String groupBy,
            @RequestParam(required = false) String model, Caller caller) {
        Reports.Query query = reports.query(from, to, groupBy, model);
        return CostView.of(query, reports.costs(caller.accountId(), query),
                reports.freeServiceMessages(caller.accountId(), query));
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping(path = "/api/reports/costs", produces = "text/csv")
    void costsCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(name = "groupBy", required = false) String groupBy,
            @RequestParam(required = false) String model, Caller caller,
            HttpServletResponse response) throws IOException {
        Reports.Query query = reports.query(from, to, groupBy, model);
        List<CostReports.Group> groups = reports.costs(caller.accountId(), query);
        response.setContentType(CostCsv.CONTENT_TYPE);
        response.setHeader("Content-Disposition", CostCsv.DISPOSITION);
        CostCsv.write(response.getWriter(), query, groups);
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/api/reports/activity")
    ActivityView activity(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Caller caller) {
        Reports.Query query = reports.query(from, to, null, null);
        return new ActivityView(query.from(), query.to(), reports.activity(caller.accountId(), query));
    }
}
