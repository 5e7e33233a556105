package dev.janela.server.inbox;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.consent.OptOuts;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.web.Allowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/customers/{customer}/marketing}: whether a customer of the account (named by their number or BSUID, as
 * a send names them) opted out of marketing, since when and how, with every change; and an integration's way to opt
 * them out or back in ({@code {"opted_out": true}}), recorded as the API's, with the token's name. A customer opted
 * out receives no marketing template: a send is refused with Meta's 131050, and campaigns skip them. A number the
 * account does not know yet may be opted out (a list of the business's own), and is known from then on.
 */
@RestController
class MarketingController {
    private final CustomerMarketing marketing;

    MarketingController(CustomerMarketing marketing) {
        this.marketing = marketing;
    }

    /** What the customer is to be: opted out of marketing, or not. */
    record MarketingChange(Boolean optedOut) {
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/api/customers/{customer}/marketing")
    MarketingView marketing(@PathVariable String customer, Caller caller) {
        return marketing.state(caller, customer);
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @PutMapping("/api/customers/{customer}/marketing")
    MarketingView mark(@PathVariable String customer, @RequestBody MarketingChange change, Caller caller) {
        if (change.optedOut() == null) {
            throw Refusal.invalid("opted_out", "is required: true to opt the customer out of marketing, false to opt"
                    + " them back in");
        }
        return marketing.mark(caller, customer, change.optedOut(), OptOuts.Source.API);
    }
}
