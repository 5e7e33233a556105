package dev.janela.server.campaign;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a campaign is. A draft is started (now: running; later: scheduled until its time); a running or scheduled
 * campaign is paused and resumed; any but a finished or cancelled one may be cancelled, and only a draft deleted.
 */
public enum CampaignState {
    DRAFT,
    SCHEDULED,
    RUNNING,
    PAUSED,
    FINISHED,
    CANCELLED;

    /** The states a campaign may be cancelled from. */
    static final Set<CampaignState> CANCELLABLE = EnumSet.of(DRAFT, SCHEDULED, RUNNING, PAUSED);

    /** As the database and the API write it: {@code running}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignState of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    /** Whether its estimate may be made again: not once it has started. */
    public boolean mayEstimate() {
        return this == DRAFT || this == SCHEDULED;
    }
}
