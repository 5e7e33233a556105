package dev.janela.server.report;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Fields;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.web.Allowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reconciliation}: where Meta's pricing of the period's messages disagrees with Janela's, message by
 * message, and the totals. Meta bills what its webhooks price; a disagreement is a question for the invoice.
 */
@RestController
class ReconciliationController {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final Reconciliation reconciliation;
    private final Clock clock;

    ReconciliationController(Reconciliation reconciliation, Clock clock) {
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    /**
     * The period's reconciliation.
     *
     * @param after the cursor a previous page gave ({@code next})
     */
    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/api/reconciliation")
    Reconciliation.Report reconcile(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit, Caller caller) {
        List<FieldError> problems = new ArrayList<>();
        Span span = Span.of(from, to, clock, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return reconciliation.reconcile(caller.accountId(), span.from(), span.to(), Optional.ofNullable(after),
                Fields.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }
}
