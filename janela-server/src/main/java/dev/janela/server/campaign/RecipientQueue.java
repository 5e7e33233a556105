package dev.janela.server.campaign;

import dev.janela.server.jdbc.Instants;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the campaign runner writes of its campaigns and their recipients as it sends them. Every change is conditional
 * on the state it changes from, so that two nodes, or a node and an admin's click, never both make it.
 */
@Repository
class RecipientQueue {
    private final JdbcClient jdbc;

    RecipientQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a campaign is running, or scheduled to start by {@code now}. */
    boolean anyToRun(Instant now) {
        return jdbc.sql("select count(*) from campaigns where state = 'running'"
                        + " or (state = 'scheduled' and starts_at <= :now)")
                .param("now", Instants.param(now)).query(Integer.class).single() > 0;
    }

    /**
     * Marks a recipient sent as {@code wamid}, in its send's transaction; false when it is no longer pending (another
     * node sent it) or its campaign no longer running (paused or cancelled), and then the send must not be kept.
     */
    boolean accept(long recipientId, String wamid, Instant now) {
        return jdbc.sql("update campaign_recipients set state = 'accepted', wamid = :wamid, reason = null,"
                        + " updated_at = :now where id = :id and state = 'pending' and exists (select 1"
                        + " from campaigns c where c.id = campaign_recipients.campaign_id and c.state = 'running')")
                .param("wamid", wamid).param("now", Instants.param(now)).param("id", recipientId).update() == 1;
    }

    /** Marks a recipient skipped, for {@code reason}, and not sent. */
    void skip(long recipientId, String reason, Instant now) {
        jdbc.sql("update campaign_recipients set state = 'skipped', reason = :reason, updated_at = :now"
                        + " where id = :id and state = 'pending'")
                .param("reason", reason).param("now", Instants.param(now)).param("id", recipientId).update();
    }

    /** Marks a recipient whose send was refused, with the refusal's code and words. */
    void fail(long recipientId, int code, String reason, Instant now) {
        jdbc.sql("update campaign_recipients set state = 'failed', error_code = :code, reason = :reason,"
                        + " updated_at = :now where id = :id and state = 'pending'")
                .param("code", code).param("reason", reason).param("now", Instants.param(now))
                .param("id", recipientId).update();
    }

    /** Finishes a running campaign with no recipient left to send; false while one is left, or if it is not running. */
    boolean finishIfDone(long campaignId, Instant now) {
        return jdbc.sql("update campaigns set state = 'finished', finished_at = :now, waiting = null where id = :id"
                        + " and state = 'running' and not exists (select 1 from campaign_recipients"
                        + " where campaign_id = :id and state = 'pending')")
                .param("now", Instants.param(now)).param("id", campaignId).update() == 1;
    }

    /** Says why a running campaign sends nothing now, or (empty) that it sends again. */
    void waiting(long campaignId, Optional<String> why) {
        jdbc.sql("update campaigns set waiting = :why where id = :id")
                .param("why", why.orElse(null)).param("id", campaignId).update();
    }
}
