package dev.janela.server.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign: a template sent from a channel to a list.
 *
 * @param startsAt when a scheduled campaign starts
 * @param startedAt when it started running, once it has
 * @param finishedAt when it finished or was cancelled
 * @param waiting why a running campaign sends nothing now, if it does not
 */
public record Campaign(long id, long accountId, long channelId, String name, long templateId, CampaignState state,
        Optional<Instant> startsAt, Instant createdAt, String createdBy, Optional<Instant> startedAt,
        Optional<Instant> finishedAt, Optional<String> waiting) {
    public Campaign {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(waiting, "waiting");
    }
}
