package dev.janela.server.campaign;

import dev.janela.core.campaign.RecipientList;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A campaign as the API and the pages show it: what it sends from and with, its state and times, its recipients
 * counted by state and, for those skipped or failed, by reason ({@code skipped.duplicate}), and its estimate (absent
 * from a list).
 */
record CampaignView(long id, String name, String channel, TemplateView template, String state, Instant startsAt,
        Instant createdAt, String createdBy, Instant startedAt, Instant finishedAt, String waiting,
        Map<String, Long> counts, CampaignEstimates.CampaignEstimate estimate, CampaignProgress.Counts progress) {
    /** The template, and the columns its list has. */
    record TemplateView(String name, String language, String category, List<String> columns) {
    }

    /** One recipient; {@code reason} says why it was skipped or failed. */
    record RecipientView(int line, String recipient, List<String> parameters, String state, String reason) {
        static RecipientView of(CampaignRecipient recipient) {
            return new RecipientView(recipient.line(), recipient.recipient(), recipient.parameters(),
                    recipient.state(), recipient.reason().orElse(null));
        }
    }

    static CampaignView of(Campaigns.Details details) {
        return of(details.campaign(), details.channel().phoneNumberId(), templateOf(details), details.counts(),
                details.estimate(), details.progress());
    }

    static CampaignView of(Campaigns.Summary summary) {
        TemplateView template = summary.template().map(found -> new TemplateView(found.name(), found.language(),
                found.category().wireName(), Campaigns.columns(found).all())).orElse(null);
        return of(summary.campaign(), summary.channel(), template, summary.counts(), null, null);
    }

    private static TemplateView templateOf(Campaigns.Details details) {
        return new TemplateView(details.template().name(), details.template().language(),
                details.template().category().wireName(), Campaigns.columns(details.template()).all());
    }

    private static CampaignView of(Campaign campaign, String channel, TemplateView template, Map<String, Long> counts,
            CampaignEstimates.CampaignEstimate estimate, CampaignProgress.Counts progress) {
        return new CampaignView(campaign.id(), campaign.name(), channel, template, campaign.state().wireName(),
                campaign.startsAt().orElse(null), campaign.createdAt(), campaign.createdBy(),
                campaign.startedAt().orElse(null), campaign.finishedAt().orElse(null), campaign.waiting().orElse(null),
                counts, estimate, progress);
    }

    /** How many recipients are in {@code key}: a state ({@code pending}) or a state and reason. */
    public long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    /** How many recipients the list has, whatever became of them. */
    public long recipients() {
        return count(CampaignRecipient.PENDING) + count(CampaignRecipient.SKIPPED) + count(CampaignRecipient.ACCEPTED)
                + count(CampaignRecipient.FAILED);
    }

    /** The header line of a CSV list for the template. */
    public String csvHeader() {
        return template == null ? RecipientList.RECIPIENT : String.join(",", template.columns());
    }
}
