package dev.janela.server.campaign;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.server.channel.Channel;
import dev.janela.server.consent.Consent;
import dev.janela.server.conversation.TemplateEstimates;
import dev.janela.server.estimate.EstimateTotals;
import dev.janela.server.template.Template;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a campaign would cost if it were sent now, and whom it would skip: each recipient priced as a send to them now
 * would be ({@link TemplateEstimates}, the engine a send goes through), summed by market and category in the
 * account's currency; and every recipient that will not be sent to, with why: an invalid or repeated line, or, for a
 * marketing template, a customer who opted out of marketing or has had the account's cap of it. Customers known by a
 * BSUID are priced by it. Two queries read consent for the whole account, and the windows are read in batches, so
 * that a list of 100,000 costs a few queries, not one a recipient.
 */
@Component
class CampaignEstimates {
    /** How many recipients an estimate lists for each reason to skip them; the rest are counted. */
    static final int MOST_LISTED = 100;
    static final String OPTED_OUT = "opted_out";
    static final String OVER_CAP = "over_cap";

    private final TemplateEstimates estimates;
    private final Consent consent;
    private final Clock clock;
    private final JsonMapper json;

    CampaignEstimates(TemplateEstimates estimates, Consent consent, Clock clock, JsonMapper json) {
        this.estimates = estimates;
        this.consent = consent;
        this.clock = clock;
        this.json = json;
    }

    /**
     * A campaign's estimate, as it is stored and shown.
     *
     * @param at when it was made: what it says holds for then
     * @param currency the prices' currency; null when nothing could be priced
     * @param skipped each reason some recipients will be skipped for, with how many and the first of them
     */
    record CampaignEstimate(Instant at, String currency, List<EstimateTotals.MarketView> byMarket,
            EstimateTotals.Totals totals, List<Skipped> skipped) {
        /** How many recipients will be skipped in all. */
        public long skippedCount() {
            return skipped.stream().mapToLong(Skipped::count).sum();
        }
    }

    /** The recipients skipped for one reason: how many, and the first {@value #MOST_LISTED} of them. */
    record Skipped(String reason, long count, List<SkippedLine> listed) {
        /** How many are counted but not listed. */
        public long notListed() {
            return count - listed.size();
        }
    }

    /** One skipped recipient: its line, as it is known, and what is wrong, if more than the reason says. */
    record SkippedLine(int line, String recipient, String detail) {
    }

    /** The estimate of sending {@code template} from {@code channel} now to {@code recipients}. */
    CampaignEstimate estimate(Channel channel, Template template, List<CampaignStore.Listed> recipients) {
        Instant now = clock.instant();
        boolean marketing = template.category() == TemplateCategory.MARKETING;
        Set<String> optedOut = marketing ? consent.optedOut(channel.accountId()) : Set.of();
        Set<String> overCap = marketing ? consent.overCap(channel.accountId(), now) : Set.of();
        Map<String, Skips> skips = new LinkedHashMap<>();
        for (String reason : List.of("invalid", "duplicate", OPTED_OUT, OVER_CAP)) {
            skips.put(reason, new Skips());
        }
        List<String> sent = new ArrayList<>(recipients.size());
        for (CampaignStore.Listed recipient : recipients) {
            Optional<String> skipped = recipient.skipped();
            if (skipped.isPresent()) {
                String[] kindAndDetail = skipped.get().split(": ", 2);
                skips.computeIfAbsent(kindAndDetail[0], ignored -> new Skips()).add(recipient,
                        kindAndDetail.length > 1 ? kindAndDetail[1] : "");
            } else if (optedOut.contains(recipient.recipient())) {
                skips.get(OPTED_OUT).add(recipient, "");
            } else if (overCap.contains(recipient.recipient())) {
                skips.get(OVER_CAP).add(recipient, "");
            } else {
                sent.add(recipient.recipient());
            }
        }
        EstimateTotals totals = EstimateTotals.of(estimates.now(channel, sent, template.category()),
                template.category());
        List<Skipped> skipped = new ArrayList<>();
        skips.forEach((reason, found) -> skipped.add(new Skipped(reason, found.count, List.copyOf(found.listed))));
        return new CampaignEstimate(now, totals.currency(), totals.byMarket(), totals.totals(), skipped);
    }

    String write(CampaignEstimate estimate) {
        return json.writeValueAsString(estimate);
    }

    CampaignEstimate read(String stored) {
        return json.readValue(stored, CampaignEstimate.class);
    }

    /** The recipients skipped for one reason, as they are found. */
    private static final class Skips {
        private long count;
        private final List<SkippedLine> listed = new ArrayList<>();

        void add(CampaignStore.Listed recipient, String detail) {
            count++;
            if (listed.size() < MOST_LISTED) {
                listed.add(new SkippedLine(recipient.line(), recipient.recipient(), detail));
            }
        }
    }
}
