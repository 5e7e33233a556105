package dev.janela.server.webhook;

import dev.janela.server.account.Accounts;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.consent.MessagingLimits;
import dev.janela.server.consent.OptOuts;
import dev.janela.server.conversation.Customer;
import dev.janela.server.conversation.CustomerIds;
import dev.janela.server.conversation.Customers;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Meta's webhooks say of marketing: a customer who stopped or resumed marketing messages at Meta
 * ({@code user_preferences}) is opted out or back in, and a WhatsApp Business Account's new messaging limit
 * ({@code business_capability_update}) becomes its account's. Applied in the delivery's transaction.
 */
@Component
class MarketingUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(MarketingUpdates.class);

    private final Channels channels;
    private final Accounts accounts;
    private final Customers customers;
    private final OptOuts optOuts;
    private final MessagingLimits limits;
    private final Clock clock;

    MarketingUpdates(Channels channels, Accounts accounts, Customers customers, OptOuts optOuts,
            MessagingLimits limits, Clock clock) {
        this.channels = channels;
        this.accounts = accounts;
        this.customers = customers;
        this.optOuts = optOuts;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Opts the customer out of marketing, or back in, as they chose at Meta: the account is the channel's, else the
     * WhatsApp Business Account's. A customer Janela does not know yet is made to be opted out, so that no campaign
     * reaches them; not to be opted in.
     *
     * @return whether it changed the customer's state
     */
    boolean apply(WebhookPayload.PreferenceChange change) {
        Optional<Long> account = change.phoneNumberId().flatMap(channels::findByPhoneNumberId).map(Channel::accountId)
                .or(() -> accounts.findByWabaId(change.wabaId()));
        Optional<Customer> customer = account.flatMap(id -> customers.find(id, change.customer())
                .or(() -> change.stopped() ? Optional.of(customers.resolve(id, CustomerIds.of(change.customer()),
                        clock.instant())) : Optional.empty()));
        if (customer.isEmpty()) {
            LOG.info("Meta reported a customer's marketing preference for a {} Janela does not know; ignored",
                    account.isEmpty() ? "WhatsApp Business Account or number" : "customer");
            return false;
        }
        return optOuts.change(account.get(), customer.get().id(), new OptOuts.Change(change.stopped(),
                OptOuts.Source.META, change.detail(), change.at().orElseGet(clock::instant)));
    }

    /** Sets the messaging limit Meta gave a WhatsApp Business Account on its account, if Janela has it. */
    boolean apply(WebhookPayload.CapabilityUpdate update) {
        Optional<Long> account = accounts.findByWabaId(update.wabaId());
        account.ifPresentOrElse(id -> limits.setLimit(id, update.messagingLimit()), () -> LOG.info(
                "A business_capability_update for a WhatsApp Business Account no account has ({}) was ignored",
                update.wabaId()));
        return account.isPresent();
    }
}
