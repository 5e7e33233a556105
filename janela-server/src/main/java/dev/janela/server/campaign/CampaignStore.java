package dev.janela.server.campaign;

import dev.janela.core.campaign.RecipientList;
import dev.janela.server.jdbc.Instants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns and their recipients. A list is written in batches, never a statement a recipient, and read back in
 * the order of its lines (recipients are stored in that order, so their ids follow it). A campaign changes state by a
 * conditional update, which only one of two callers racing for the same change can win.
 */
@Repository
public class CampaignStore {
    /** How many recipients one batch of inserts carries. */
    private static final int BATCH = 1000;
    private static final String COLUMNS = "id, account_id, channel_id, name, template_id, state, starts_at,"
            + " created_at, created_by, started_at, finished_at, waiting";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;

    CampaignStore(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    /** A campaign to add, as a draft. */
    record NewCampaign(long accountId, long channelId, String name, long templateId, String estimate,
            String createdBy, Instant at) {
    }

    /** A recipient as an estimate reads it: its line and handle, and why it is skipped, if it is. */
    record Listed(int line, String recipient, Optional<String> skipped) {
    }

    /** Adds a draft; returns its id. */
    long add(NewCampaign campaign) {
        return jdbc.sql("insert into campaigns (account_id, channel_id, name, template_id, state, estimate,"
                + " created_at, created_by) values (:account, :channel, :name, :template, :state, :estimate, :at,"
                + " :by) returning id")
                .param("account", campaign.accountId()).param("channel", campaign.channelId())
                .param("name", campaign.name()).param("template", campaign.templateId())
                .param("state", CampaignState.DRAFT.wireName()).param("estimate", campaign.estimate())
                .param("at", Instants.param(campaign.at())).param("by", campaign.createdBy())
                .query(Long.class).single();
    }

    /** Adds a campaign's recipients, in the order of {@code entries}: pending, or skipped and why. */
    void addRecipients(long campaignId, List<RecipientList.Entry> entries, Instant at) {
        Object now = Instants.param(at);
        List<Object[]> rows = new ArrayList<>(Math.min(BATCH, entries.size()));
        for (RecipientList.Entry entry : entries) {
            String recipient = entry.handle().orElse(shortened(entry.written(), 200));
            String reason = entry.skip().map(skip -> shortened(skip.text(), 500)).orElse(null);
            rows.add(new Object[] {campaignId, entry.line(), recipient, json.writeValueAsString(entry.parameters()),
                entry.skip().isPresent() ? CampaignRecipient.SKIPPED : CampaignRecipient.PENDING, reason, now});
            if (rows.size() == BATCH) {
                insert(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            insert(rows);
        }
    }

    private void insert(List<Object[]> rows) {
        batches.batchUpdate("insert into campaign_recipients (campaign_id, line, recipient, parameters, state, reason,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** The account's campaign {@code id}; another account's is not found. */
    Optional<Campaign> find(long accountId, long id) {
        return jdbc.sql("select " + COLUMNS + " from campaigns where id = :id and account_id = :account")
                .param("id", id).param("account", accountId).query(CampaignStore::campaign).optional();
    }

    /** The campaign {@code id}, whichever account's it is: for the runner, which serves them all. */
    public Optional<Campaign> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from campaigns where id = :id").param("id", id)
                .query(CampaignStore::campaign).optional();
    }

    /** The account's campaigns, newest first. */
    List<Campaign> list(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from campaigns where account_id = :account order by id desc")
                .param("account", accountId).query(CampaignStore::campaign).list();
    }

    /** Every account's campaigns in {@code state}, oldest first: the runner's {@code running} ones. */
    public List<Campaign> inState(CampaignState state) {
        return jdbc.sql("select " + COLUMNS + " from campaigns where state = :state order by id")
                .param("state", state.wireName()).query(CampaignStore::campaign).list();
    }

    /** Every account's scheduled campaigns whose time has come at {@code now}, oldest first. */
    public List<Campaign> due(Instant now) {
        return jdbc.sql("select " + COLUMNS + " from campaigns where state = :state and starts_at <= :now"
                + " order by starts_at, id").param("state", CampaignState.SCHEDULED.wireName())
                .param("now", Instants.param(now)).query(CampaignStore::campaign).list();
    }

    /**
     * Starts a scheduled campaign whose time has come: it becomes running, unless it was paused or cancelled
     * meanwhile. Returns whether this call started it (of two racing, one does).
     */
    public boolean startDue(long id, Instant now) {
        return jdbc.sql("update campaigns set state = :running, started_at = :now where id = :id"
                + " and state = :scheduled and starts_at <= :now").param("running", CampaignState.RUNNING.wireName())
                .param("scheduled", CampaignState.SCHEDULED.wireName()).param("now", Instants.param(now))
                .param("id", id).update() == 1;
    }

    /** The campaign's next {@code limit} pending recipients after the one {@code afterId}, in the list's order. */
    public List<CampaignRecipient> pending(long campaignId, long afterId, int limit) {
        return jdbc.sql("select id, campaign_id, line, recipient, parameters, state, reason from campaign_recipients"
                + " where campaign_id = :campaign and state = :pending and id > :after order by id limit :limit")
                .param("campaign", campaignId).param("pending", CampaignRecipient.PENDING).param("after", afterId)
                .param("limit", limit).query(this::recipient).list();
    }

    /** A page of the campaign's recipients after line {@code afterLine}, of one state or any, by line. */
    List<CampaignRecipient> recipients(long campaignId, Optional<String> state, int afterLine, int limit) {
        return jdbc.sql("select id, campaign_id, line, recipient, parameters, state, reason from campaign_recipients"
                + " where campaign_id = :campaign and line > :after"
                + (state.isPresent() ? " and state = :state" : "") + " order by line, id limit :limit")
                .param("campaign", campaignId).param("after", afterLine).param("state", state.orElse(null))
                .param("limit", limit).query(this::recipient).list();
    }

    /** Every recipient of the campaign that is pending or skipped, by line, for an estimate. */
    List<Listed> listed(long campaignId) {
        return jdbc.sql("select line, recipient, state, reason from campaign_recipients where campaign_id = :campaign"
                + " and state in (:states) order by id").param("campaign", campaignId)
                .param("states", List.of(CampaignRecipient.PENDING, CampaignRecipient.SKIPPED))
                .query((row, number) -> new Listed(row.getInt("line"), row.getString("recipient"),
                        CampaignRecipient.SKIPPED.equals(row.getString("state"))
                                ? Optional.ofNullable(row.getString("reason")) : Optional.empty()))
                .list();
    }

    String estimate(long id) {
        return jdbc.sql("select estimate from campaigns where id = :id").param("id", id).query(String.class).single();
    }

    void setEstimate(long id, String estimate) {
        jdbc.sql("update campaigns set estimate = :estimate where id = :id").param("estimate", estimate)
                .param("id", id).update();
    }

    /**
     * How many of the campaign's recipients are in each state and, for those skipped or failed, for each kind of
     * reason (the text before its colon, or Meta's code of a refusal): {@code skipped}, {@code skipped.duplicate},
     * {@code failed.131050}.
     */
    public Map<String, Long> counts(long campaignId) {
        return countsOf(List.of(campaignId)).getOrDefault(campaignId, Map.of());
    }

    /** {@link #counts} of each of {@code campaignIds}, in one query. */
    Map<Long, Map<String, Long>> countsOf(List<Long> campaignIds) {
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return counts;
        }
        String kindOf = "case when error_code is not null then '' || error_code when reason like 'invalid:%'"
                + " then 'invalid' when reason like 'duplicate:%' then 'duplicate' else reason end";
        jdbc.sql("select campaign_id, state, " + kindOf + " as kind, count(*) as n from campaign_recipients"
                + " where campaign_id in (:ids) group by campaign_id, state, " + kindOf)
                .param("ids", campaignIds)
                .query(row -> {
                    Map<String, Long> campaign = counts.computeIfAbsent(row.getLong("campaign_id"),
                            ignored -> new LinkedHashMap<>());
                    String state = row.getString("state");
                    long count = row.getLong("n");
                    campaign.merge(state, count, Long::sum);
                    Optional.ofNullable(row.getString("kind"))
                            .ifPresent(kind -> campaign.merge(state + "." + kind, count, Long::sum));
                });
        return counts;
    }

    /**
     * Moves the account's campaign {@code id} to {@code to} if it is in one of {@code from}, setting also what
     * {@code alsoSet} says (a fixed fragment, {@code , started_at = :now}, whose parameters {@code params} gives).
     * Returns whether it moved: false if it was in another state, or is not the account's.
     */
    boolean move(long accountId, long id, Set<CampaignState> from, CampaignState to, String alsoSet,
            Map<String, Object> params) {
        return move(accountId, id, from, to, alsoSet, params, "");
    }

    /** {@link #move}, when also {@code condition} holds: a fixed fragment, {@code  and started_at is null}. */
    boolean move(long accountId, long id, Set<CampaignState> from, CampaignState to, String alsoSet,
            Map<String, Object> params, String condition) {
        JdbcClient.StatementSpec update = jdbc.sql("update campaigns set state = :to" + alsoSet
                + " where id = :id and account_id = :account and state in (:from)" + condition)
                .param("to", to.wireName()).param("id", id).param("account", accountId)
                .param("from", from.stream().map(CampaignState::wireName).toList());
        for (Map.Entry<String, Object> param : params.entrySet()) {
            update = update.param(param.getKey(), param.getValue());
        }
        return update.update() == 1;
    }

    /**
     * Deletes campaign {@code id} with its recipients. The caller has claimed it first, by a {@link #move} that
     * holds its row until the transaction ends, so that no other change of it can race the deletion.
     */
    void delete(long id) {
        jdbc.sql("delete from campaign_recipients where campaign_id = :id").param("id", id).update();
        jdbc.sql("delete from campaigns where id = :id").param("id", id).update();
    }

    private CampaignRecipient recipient(ResultSet row, int number) throws SQLException {
        return new CampaignRecipient(row.getLong("id"), row.getLong("campaign_id"), row.getInt("line"),
                row.getString("recipient"), json.readValue(row.getString("parameters"), STRINGS),
                row.getString("state"), Optional.ofNullable(row.getString("reason")));
    }

    private static Campaign campaign(ResultSet row, int number) throws SQLException {
        return new Campaign(row.getLong("id"), row.getLong("account_id"), row.getLong("channel_id"),
                row.getString("name"), row.getLong("template_id"), CampaignState.of(row.getString("state")),
                Instants.readOptional(row, "starts_at"), Instants.read(row, "created_at"), row.getString("created_by"),
                Instants.readOptional(row, "started_at"), Instants.readOptional(row, "finished_at"),
                Optional.ofNullable(row.getString("waiting")));
    }

    private static String shortened(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most);
    }
}
