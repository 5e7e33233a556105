package dev.janela.server.campaign;

import dev.janela.server.jdbc.Instants;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the campaign runner reads and writes: campaigns whose time has come, running campaigns, and their recipients
 * still to send. Every change is conditional on the state it changes from, so that two nodes, or a node and an
 * admin's click, never both make it.
 */
@Repository
class RecipientQueue {
    private final JdbcClient jdbc;

    RecipientQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A running campaign, as its runner needs it. */
    record Running(long id, long accountId, long channelId, String name, long templateId, Optional<String> waiting) {
    }

    /** A recipient still to send: its handle and the values of the template's parameters. */
    record Pending(long id, String recipient, String parameters) {
    }

    /** Whether a campaign is running, or scheduled to start by {@code now}. */
    boolean anyToRun(Instant now) {
        return jdbc.sql("select count(*) from campaigns where state = 'running'"
                        + " or (state = 'scheduled' and starts_at <= :now)")
                .param("now", Instants.param(now)).query(Integer.class).single() > 0;
    }

    /** The scheduled campaigns whose start time has come by {@code now}. */
    List<Running> due(Instant now) {
        return jdbc.sql("select id, account_id, channel_id, name, template_id, waiting from campaigns"
                        + " where state = 'scheduled' and starts_at <= :now order by id")
                .param("now", Instants.param(now)).query((row, n) -> running(row)).list();
    }

    /** Starts a scheduled campaign; false when it is no longer scheduled (paused or cancelled meanwhile). */
    boolean start(long campaignId, Instant now) {
        return jdbc.sql("update campaigns set state = 'running', started_at = :now where id = :id"
                        + " and state = 'scheduled'")
                .param("now", Instants.param(now)).param("id", campaignId).update() == 1;
    }

    List<Running> running() {
        return jdbc.sql("select id, account_id, channel_id, name, template_id, waiting from campaigns"
                        + " where state = 'running' order by id")
                .query((row, n) -> running(row)).list();
    }

    /** Up to {@code most} of the campaign's recipients still to send after {@code afterId}, in the list's order. */
    List<Pending> pending(long campaignId, long afterId, int most) {
        return jdbc.sql("select id, recipient, parameters from campaign_recipients where campaign_id = :campaign"
                        + " and state = 'pending' and id > :after order by id limit :most")
                .param("campaign", campaignId).param("after", afterId).param("most", most)
                .query((row, n) -> new Pending(row.getLong("id"), row.getString("recipient"),
                        row.getString("parameters")))
                .list();
    }

    /**
     * Marks a recipient sent as {@code wamid}, in its send's transaction; false when it is no longer pending (another
     * node sent it), and then the send must not be kept.
     */
    boolean accept(long recipientId, String wamid, Instant now) {
        return jdbc.sql("update campaign_recipients set state = 'accepted', wamid = :wamid, reason = null,"
                        + " updated_at = :now where id = :id and state = 'pending'")
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

    /** How many of the campaign's recipients are in each state ({@code accepted}, {@code skipped}, ...). */
    Map<String, Long> states(long campaignId) {
        Map<String, Long> states = new TreeMap<>();
        jdbc.sql("select state, count(*) from campaign_recipients where campaign_id = :campaign group by state")
                .param("campaign", campaignId).query(row -> {
                    states.put(row.getString(1), row.getLong(2));
                });
        return states;
    }

    /** Says why a running campaign sends nothing now, or (empty) that it sends again. */
    void waiting(long campaignId, Optional<String> why) {
        jdbc.sql("update campaigns set waiting = :why where id = :id")
                .param("why", why.orElse(null)).param("id", campaignId).update();
    }

    private static Running running(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Running(row.getLong("id"), row.getLong("account_id"), row.getLong("channel_id"),
                row.getString("name"), row.getLong("template_id"), Optional.ofNullable(row.getString("waiting")));
    }
}
