package dev.janela.server.plan;

import dev.janela.core.plan.PricingModels;
import dev.janela.core.plan.PricingPlanFile;
import dev.janela.core.ratecard.VolumeTiersParser;
import dev.janela.server.account.Role;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiErrorCode;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/pricing-plan}: which pricing model decides the account's charges from when ({@code session} before
 * the first period), its billing time zone (in which a period's day begins, and months are counted for free tiers
 * and volume tiers), and its volume tiers ({@code market,category,from,to,price}). A change applies to decisions
 * from then on; charges already in the ledger stay as they were, and {@code /api/reports/costs?model=} prices past
 * traffic again without touching them.
 */
@RestController
class PricingPlanController {
    private final PricingPlans plans;

    PricingPlanController(PricingPlans plans) {
        this.plans = plans;
    }

    /**
     * A period: from a day (midnight in the time zone) or an instant, the model named.
     *
     * @param from {@code 2025-07-01} or {@code 2025-07-01T03:00:00Z}
     * @param model {@code session}, {@code cbp-2022}, {@code cbp-2023} or {@code pmp-2025}
     */
    record PeriodView(String from, String model) {
    }

    /**
     * A plan.
     *
     * @param timeZone an IANA time zone, {@code UTC} by default
     * @param periods the periods, in any order
     * @param volumeTiers the volume tiers as CSV, or null for none
     */
    record PlanView(String timeZone, List<PeriodView> periods, String volumeTiers) {
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/api/pricing-plan")
    PlanView show(HttpServletRequest http) {
        return view(plans.stored(Caller.of(http).accountId()));
    }

    @Allowed({Role.ADMIN})
    @PutMapping(path = "/api/pricing-plan", consumes = "application/json")
    @Transactional
    PlanView replace(@RequestBody PlanView plan, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        List<FieldError> problems = new ArrayList<>();
        ZoneId zone = zone(plan.timeZone(), problems);
        List<PricingPlans.StoredPeriod> periods = new ArrayList<>();
        Set<Instant> starts = new HashSet<>();
        List<PeriodView> asked = plan.periods() == null ? List.of() : plan.periods();
        for (int index = 0; index < asked.size(); index++) {
            PeriodView period = asked.get(index);
            String field = "periods[" + index + "]";
            if (period == null || period.model() == null || !PricingModels.NAMES.contains(period.model())) {
                problems.add(new FieldError(field + ".model", "expected one of "
                        + String.join(", ", PricingModels.NAMES)));
            }
            Optional<Instant> from = from(period == null ? null : period.from(), zone, field + ".from", problems);
            if (from.isPresent() && !starts.add(from.get())) {
                problems.add(new FieldError(field + ".from", "another period starts at the same time"));
            }
            if (from.isPresent() && problems.isEmpty()) {
                periods.add(new PricingPlans.StoredPeriod(from.get(), period.model()));
            }
        }
        Optional<String> tiers = Optional.ofNullable(plan.volumeTiers()).filter(csv -> !csv.isBlank());
        if (!problems.isEmpty()) {
            throw new ApiException(ApiErrorCode.INVALID_REQUEST, "the pricing plan is not valid", problems);
        }
        tiers.ifPresent(csv -> VolumeTiersParser.parse("volume tiers", csv));
        plans.replace(caller.accountId(), zone, periods, tiers, caller.author());
        return view(plans.stored(caller.accountId()));
    }

    private static PlanView view(PricingPlans.Stored stored) {
        return new PlanView(stored.zone().getId(), stored.periods().stream()
                .map(period -> new PeriodView(period.from().toString(), period.model())).toList(),
                stored.tiersCsv().orElse(null));
    }

    private static ZoneId zone(String name, List<FieldError> problems) {
        if (name == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            problems.add(new FieldError("time_zone", "'" + name + "' is not a time zone such as UTC or"
                    + " America/Sao_Paulo"));
            return ZoneId.of("UTC");
        }
    }

    private static Optional<Instant> from(String text, ZoneId zone, String field, List<FieldError> problems) {
        Optional<Instant> from = text == null ? Optional.empty() : PricingPlanFile.dayOrInstant(text, zone);
        if (from.isEmpty()) {
            problems.add(new FieldError(field, "expected a day (2025-07-01) or an instant (2025-07-01T03:00:00Z)"));
        }
        return from;
    }
}
