package dev.janela.server.inbox;

import dev.janela.server.access.Caller;
import dev.janela.server.consent.OptOuts;
import dev.janela.server.conversation.Customer;
import dev.janela.server.conversation.CustomerIds;
import dev.janela.server.conversation.Customers;
import dev.janela.server.refusal.Refusal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's marketing consent as the team sees and marks it: whether they opted out, since when and how, and every
 * change; an agent on the conversation's page, or an integration through the API, opts them out or back in, recorded
 * with who did it.
 */
@Service
class CustomerMarketing {
    private final Customers customers;
    private final OptOuts optOuts;
    private final Clock clock;

    CustomerMarketing(Customers customers, OptOuts optOuts, Clock clock) {
        this.customers = customers;
        this.optOuts = optOuts;
        this.clock = clock;
    }

    /**
     * The marketing state of the caller's account's customer {@code written} names: a phone number, or a BSUID.
     *
     * @throws Refusal not found when the account has no such customer
     */
    MarketingView state(Caller caller, String written) {
        Customer customer = customer(caller, written);
        return MarketingView.of(customer.handle(), optOuts.state(customer.id()));
    }

    /**
     * Opts the customer out of marketing, or back in; nothing changes when they are so already. A customer the account
     * does not know yet is made to be opted out (from a list of the business's own, before any campaign), not to be
     * opted in.
     *
     * @param source {@link OptOuts.Source#AGENT} from the inbox, {@link OptOuts.Source#API} from the API
     */
    @Transactional
    MarketingView mark(Caller caller, String written, boolean optedOut, OptOuts.Source source) {
        Customer customer = optedOut ? customers.find(caller.accountId(), identifier(written)).orElseGet(() ->
                customers.resolve(caller.accountId(), CustomerIds.of(identifier(written)), clock.instant()))
                : customer(caller, written);
        optOuts.change(caller.accountId(), customer.id(), new OptOuts.Change(optedOut, source,
                Optional.of(caller.author()), clock.instant()));
        return MarketingView.of(customer.handle(), optOuts.state(customer.id()));
    }

    private Customer customer(Caller caller, String written) {
        return customers.find(caller.accountId(), identifier(written))
                .orElseThrow(() -> Refusal.notFound("customer " + written));
    }

    private static String identifier(String written) {
        return CustomerIds.identifier("customer", written);
    }
}
