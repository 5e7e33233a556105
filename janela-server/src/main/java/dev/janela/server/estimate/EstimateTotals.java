package dev.janela.server.estimate;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.server.conversation.TemplateEstimates;
import dev.janela.server.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What sending a template to many customers would cost, summed: by market and category, and in total, in the
 * currency of the account's prices. Amounts are exact, written as the ledger writes them ({@code 0.0625}). Shared
 * by an estimate asked for a list and a campaign's estimate, so that both add up alike.
 *
 * @param currency the prices' currency; null when nothing could be priced
 */
public record EstimateTotals(String currency, List<MarketView> byMarket, Totals totals) {
    /** The recipients in one market, for one category: how many, how many charged and free, and what they cost. */
    public record MarketView(String market, String category, long recipients, long charged, long free,
            String total) {
    }

    /**
     * The sums over every recipient.
     *
     * @param unpriced the recipients who would be charged but for whom no price is found
     */
    public record Totals(long recipients, long charged, long free, long unpriced, String total) {
    }

    /** The sums of {@code priced}, each a recipient of a template of {@code category}. */
    public static EstimateTotals of(List<TemplateEstimates.Estimate> priced, TemplateCategory category) {
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
        markets.forEach((market, sums) -> byMarket.add(new MarketView(market, category.wireName(), sums[0], sums[1],
                sums[0] - sums[1], Ledger.decimal(sums[2], 4))));
        return new EstimateTotals(currency, byMarket, new Totals(priced.size(), charged, priced.size() - charged,
                unpriced, Ledger.decimal(totalMicros, 4)));
    }
}
