package dev.janela.server.campaign;

import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.notify.EventType;
import dev.janela.server.notify.Notifications;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the business's systems that a campaign started or finished, in the transaction that says so. */
@Component
class CampaignEvents {
    private final Notifications notifications;
    private final Channels channels;
    private final CampaignStore store;

    CampaignEvents(Notifications notifications, Channels channels, CampaignStore store) {
        this.notifications = notifications;
        this.channels = channels;
        this.store = store;
    }

    void started(Campaign campaign, Instant at) {
        notifications.publish(campaign.accountId(), campaign.channelId(), EventType.CAMPAIGN_STARTED,
                data(campaign, "started_at", at));
    }

    /** Finished, with how many of its recipients were accepted, skipped and failed. */
    void finished(Campaign campaign, Instant at) {
        Map<String, Object> data = data(campaign, "finished_at", at);
        Map<String, Long> recipients = new LinkedHashMap<>();
        store.counts(campaign.id()).forEach((key, count) -> {
            if (!key.contains(".")) {
                recipients.put(key, count);
            }
        });
        data.put("recipients", recipients);
        notifications.publish(campaign.accountId(), campaign.channelId(), EventType.CAMPAIGN_FINISHED, data);
    }

    private Map<String, Object> data(Campaign campaign, String when, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaign_id", campaign.id());
        data.put("name", campaign.name());
        data.put("channel", channels.findById(campaign.channelId()).map(Channel::phoneNumberId).orElse(""));
        data.put(when, at);
        return data;
    }
}
