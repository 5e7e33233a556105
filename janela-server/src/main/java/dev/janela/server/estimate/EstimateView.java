package dev.janela.server.estimate;

import dev.janela.server.channel.Channel;
import dev.janela.server.conversation.TemplateEstimates;
import dev.janela.server.ledger.Ledger;
import dev.janela.server.template.Template;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An estimate as the API and the Billing page show it: per recipient, by market, and in total. */
record EstimateView(String channel, TemplateView template, Instant at, String currency,
        List<RecipientView> recipients, List<Estimates.InvalidView> invalid, long duplicates, List<MarketView> byMarket,
        Totals totals) {
    /** One recipient's estimate; {@code amount} is null, and {@code problem} says why, if it cannot be priced. */
    record RecipientView(String waId, String market, boolean windowOpen, boolean charged, String amount,
            String problem) {
    }

    record MarketView(String market, long recipients, long charged, long free, String total) {
    }

    record Totals(long recipients, long charged, long free, long unpriced, String total) {
    }

    record TemplateView(String name, String language, String category, String status) {
    }

    /** The view of what {@code priced} holds, one estimate per distinct recipient, in the list's order. */
    static EstimateView of(Channel channel, Template template, Instant at,
            List<TemplateEstimates.Estimate> priced, List<Estimates.InvalidView> invalid, long duplicates) {
        List<RecipientView> recipients = new ArrayList<>();
        Map<String, long[]> markets = new TreeMap<>();
        long charged = 0;
        long unpriced = 0;
        long totalMicros = 0;
        String currency = null;
        for (TemplateEstimates.Estimate estimate : priced) {
            long micros = estimate.cost().amount().map(amount -> amount.micros()).orElse(0L);
            if (currency == null && estimate.cost().amount().isPresent()) {
                currency = estimate.cost().amount().get().currency().getCurrencyCode();
            }
            recipients.add(new RecipientView(estimate.waId(), estimate.market(), estimate.windowOpen(),
                    estimate.cost().charged(), estimate.cost().amount().map(amount -> Ledger.decimal(amount.micros(),
                            4)).orElse(null), estimate.cost().problem().orElse(null)));
            long[] market = markets.computeIfAbsent(estimate.market(), ignored -> new long[3]);
            market[0]++;
            if (estimate.cost().charged()) {
                market[1]++;
                charged++;
            }
            market[2] = Math.addExact(market[2], micros);
            totalMicros = Math.addExact(totalMicros, micros);
            if (estimate.cost().amount().isEmpty()) {
                unpriced++;
            }
        }
        List<MarketView> byMarket = new ArrayList<>();
        markets.forEach((market, sums) -> byMarket.add(new MarketView(market, sums[0], sums[1], sums[0] - sums[1],
                Ledger.decimal(sums[2], 4))));
        return new EstimateView(channel.phoneNumberId(), new TemplateView(template.name(), template.language(),
                template.category().wireName(), template.status().name()), at, currency, recipients, invalid,
                duplicates, byMarket, new Totals(priced.size(), charged, priced.size() - charged, unpriced,
                        Ledger.decimal(totalMicros, 4)));
    }
}
