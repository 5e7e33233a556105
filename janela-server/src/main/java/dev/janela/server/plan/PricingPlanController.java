package dev.janela.server.plan;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.web.Allowed;
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

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/api/pricing-plan")
    PlanView show(Caller caller) {
        return PlanView.of(plans.stored(caller.accountId()));
    }

    @Allowed({Role.ADMIN})
    @PutMapping(path = "/api/pricing-plan", consumes = "application/json")
    PlanView replace(@RequestBody PlanView plan, Caller caller) {
        plans.replace(caller.accountId(), plan.check(), caller.author());
        return PlanView.of(plans.stored(caller.accountId()));
    }
}
