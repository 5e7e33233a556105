package dev.janela.server.estimate;

import dev.janela.server.channel.Channel;
import dev.janela.server.conversation.TemplateEstimates;
import dev.janela.server.ledger.Ledger;
import dev.janela.server.template.Template;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An estimate as the API and the Billing page show it: per recipient, by market, and in total. */
record EstimateView(String channel, TemplateView template, Instant at, String currency,
        List<RecipientView> recipients, List<Estimates.InvalidView> invalid, long duplicates,
        List<EstimateTotals.MarketView> byMarket, EstimateTotals.Totals totals) {
    /** One recipient's estimate; {@code amount} is null, and {@code problem} says why, if it cannot be priced. */
    record RecipientView(String waId, String market, boolean windowOpen, boolean charged, String amount,
            String problem) {
    }

    record TemplateView(String name, String language, String category, String status) {
    }

    /** The view of what {@code priced} holds, one estimate per distinct recipient, in the list's order. */
    static EstimateView of(Channel channel, Template template, Instant at,
            List<TemplateEstimates.Estimate> priced, List<Estimates.InvalidView> invalid, long duplicates) {
        List<RecipientView> recipients = new ArrayList<>(priced.size());
        for (TemplateEstimates.Estimate estimate : priced) {
            recipients.add(new RecipientView(estimate.waId(), estimate.market(), estimate.windowOpen(),
                    estimate.cost().charged(), estimate.cost().amount().map(amount -> Ledger.decimal(amount.micros(),
                            4)).orElse(null), estimate.cost().problem().orElse(null)));
        }
        EstimateTotals totals = EstimateTotals.of(priced, template.category());
        return new EstimateView(channel.phoneNumberId(), new TemplateView(template.name(), template.language(),
                template.category().wireName(), template.status().name()), at, totals.currency(), recipients, invalid,
                duplicates, totals.byMarket(), totals.totals());
    }
}
