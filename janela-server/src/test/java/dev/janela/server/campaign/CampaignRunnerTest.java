package dev.janela.server.campaign;

import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.status;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.ledger.Ledger;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestConnector;
import dev.janela.server.testfixtures.TestServer;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runner sends a campaign's list through the send path: at most the channel's throughput in any second, within
 * the messaging limit, skipping opted-out and capped customers, never twice, and not while paused or cancelled.
 */
@JanelaServerTest
class CampaignRunnerTest {
    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private CampaignRunner runner;
    @Autowired
    private CampaignProgress progress;
    @Autowired
    private TestConnector connector;

    private Api api;
    private long channelId;

    @BeforeEach
    void anAccountWithTemplates() {
        api = server.anAccount()
                .withApprovedTemplate("promo", "en", "marketing", "Hello {{1}}, {{2}} off today!")
                .withApprovedTemplate("notice", "en", "utility", "Your order {{1}} ships today.").build();
        channelId = jdbc.sql("select id from channels where phone_number_id = :id").param("id", api.channel())
                .query(Long.class).single();
        Api.expect(api.patch("/api/channels/" + api.channel(), Map.of("throughput", 100)), 200);
    }

    @Test
    void aListIsSentAtTheChannelsThroughput_eachRecipientOnce_andTheCampaignFinishes() {
        long campaign = campaign("promo", 1_000, "scheduled");

        runUntilDone(campaign, 30);

        assertThat(sentPerSecond()).hasSize(10).allSatisfy(count -> assertThat(count).isEqualTo(100));
        assertThat(jdbc.sql("select count(distinct v.customer_id) from messages m join conversations v"
                + " on v.id = m.conversation_id where m.channel_id = :channel and m.direction = 'out'")
                .param("channel", channelId).query(Integer.class).single()).isEqualTo(1_000);
        assertThat(jdbc.sql("select count(*) from campaign_recipients r join messages m on m.wamid = r.wamid"
                + " where r.campaign_id = :campaign and r.state = 'accepted' and m.author = 'campaign: Spring sale'")
                .param("campaign", campaign).query(Integer.class).single()).isEqualTo(1_000);
        assertThat(state(campaign)).isEqualTo("finished");
    }

    @Test
    void theMessagingLimit_holdsTheCampaign_untilTheMovingDayFreesRoom() {
        jdbc.sql("update accounts set messaging_limit = 250 where id = :account").param("account", api.accountId())
                .update();
        long campaign = campaign("promo", 400, "scheduled");

        runSecond();
        runSecond();
        runSecond();
        runSecond();

        assertThat(accepted(campaign)).isEqualTo(250);
        assertThat(jdbc.sql("select waiting from campaigns where id = :id").param("id", campaign)
                .query(String.class).single()).isEqualTo(CampaignRunner.MESSAGING_LIMIT);

        clock.advance(Duration.ofHours(24));
        runUntilDone(campaign, 10);

        assertThat(accepted(campaign)).isEqualTo(400);
        assertThat(state(campaign)).isEqualTo("finished");
    }

    @Test
    void optedOutCustomersAndThoseOverTheCap_areSkipped_forMarketingOnly() {
        jdbc.sql("update accounts set marketing_cap_count = 1, marketing_cap_days = 7 where id = :account")
                .param("account", api.accountId()).update();
        Api.expect(api.sendTemplate(api.channel(), "+" + customer(1), "promo", "en", "Ana", "10%"), 200);
        Api.expect(api.sendTemplate(api.channel(), "+" + customer(2), "notice", "en", "A-1"), 200);
        jdbc.sql("update customers set opted_out_at = :at where account_id = :account and handle = :handle")
                .param("at", Instants.param(clock.instant())).param("account", api.accountId())
                .param("handle", customer(2)).update();
        clock.advance(Duration.ofMinutes(1));
        long marketing = campaign("promo", 5, "scheduled");
        long utility = campaign("notice", 5, "scheduled");

        runUntilDone(marketing, 5);
        runUntilDone(utility, 5);

        assertThat(recipients(marketing)).containsExactly("skipped over_cap", "skipped opted_out", "accepted",
                "accepted", "accepted");
        assertThat(recipients(utility)).containsOnly("accepted");
    }

    @Test
    void aPausedOrCancelledCampaign_sendsNothingMore_andAResumedOneGoesOn() {
        long paused = campaign("promo", 300, "scheduled");
        long cancelled = campaign("notice", 300, "scheduled");
        runSecond();
        int before = accepted(paused) + accepted(cancelled);
        setState(paused, "paused");
        setState(cancelled, "cancelled");

        runSecond();
        runSecond();

        assertThat(accepted(paused) + accepted(cancelled)).isEqualTo(before);
        setState(paused, "running");
        runUntilDone(paused, 10);
        assertThat(accepted(paused)).isEqualTo(300);
        assertThat(state(cancelled)).isEqualTo("cancelled");
    }

    @Test
    void aRefusedSend_failsItsRecipientWithMetasCode_andTheRestAreSent() {
        long campaign = campaign("promo", 3, "scheduled");
        jdbc.sql("update campaign_recipients set parameters = '[\"only one\"]' where campaign_id = :campaign"
                + " and line = 2").param("campaign", campaign).update();

        runUntilDone(campaign, 5);

        assertThat(recipients(campaign)).containsExactly("accepted", "failed 132000", "accepted");
    }

    @Test
    void aScheduledCampaign_waitsForItsTime() {
        long campaign = campaign("promo", 3, "scheduled");
        jdbc.sql("update campaigns set starts_at = :at where id = :id")
                .param("at", Instants.param(clock.instant().plus(Duration.ofHours(1)))).param("id", campaign).update();

        runSecond();
        assertThat(state(campaign)).isEqualTo("scheduled");

        clock.advance(Duration.ofHours(1));
        runUntilDone(campaign, 5);
        assertThat(accepted(campaign)).isEqualTo(3);
    }

    @Test
    void progress_countsWhatBecameOfEachRecipient_andTheReportListsThem() throws IOException {
        api.webhook(payload(api.channel(), List.of(text("wamid.stop", customer(4), clock.instant(), "PARAR")),
                List.of()));
        jdbc.sql("update customers set opted_out_at = :at where account_id = :account and handle = :handle")
                .param("at", Instants.param(clock.instant())).param("account", api.accountId())
                .param("handle", customer(4)).update();
        long campaign = campaign("promo", 4, "scheduled");
        jdbc.sql("update campaign_recipients set parameters = '[\"only one\"]' where campaign_id = :campaign"
                + " and line = 3").param("campaign", campaign).update();
        runUntilDone(campaign, 5);
        clock.advance(Duration.ofMinutes(5));
        api.webhook(payload(api.channel(), List.of(text("wamid.reply", customer(2), clock.instant(), "Quero!")),
                List.of()));

        CampaignProgress.Counts counts = progress.counts(campaign);
        StringWriter report = new StringWriter();
        progress.report(campaign, report);

        assertThat(counts.recipients()).isEqualTo(4);
        assertThat(counts.read()).isEqualTo(2);
        assertThat(counts.failed()).containsExactly(Map.entry(132000, 1L));
        assertThat(counts.skipped()).containsExactly(Map.entry("opted_out", 1L));
        assertThat(counts.replied()).isEqualTo(1);
        assertThat(counts.done()).isEqualTo(4);
        long ledger = jdbc.sql("select sum(amount_micros) from charges where account_id = :account"
                        + " and event_id not in ('wamid.stop', 'wamid.reply')")
                .param("account", api.accountId()).query(Long.class).single();
        assertThat(ledger).isPositive();
        assertThat(counts.charged()).isEqualTo(Ledger.decimal(ledger, 4));
        assertThat(report.toString().lines().toList()).hasSize(5).satisfies(lines -> {
            assertThat(lines.get(0)).isEqualTo("line,recipient,status,reason,error_code,message_id,sent_at,"
                    + "status_at,replied,charged,currency");
            assertThat(lines.get(1)).matches("1," + customer(1) + ",read,,,wamid\\.[^,]+,[^,]+,[^,]+,false,"
                    + "\\d+\\.\\d{4},[A-Z]{3}");
            assertThat(lines.get(2)).contains(",read,", ",true,");
            assertThat(lines.get(3)).startsWith("3," + customer(3) + ",failed,").contains(",132000,");
            assertThat(lines.get(4)).isEqualTo("4," + customer(4) + ",skipped,opted_out,,,,,false,,");
        });
    }

    @Test
    void startingAndFinishing_areEventsForTheBusinessSystems() {
        Api.expect(api.post("/api/webhook-subscriptions", Map.of("url", "http://127.0.0.1:9/hooks", "events",
                List.of("campaign.started", "campaign.finished"))), 201);
        long campaign = campaign("notice", 3, "scheduled");

        runUntilDone(campaign, 5);

        List<JsonNode> events = jdbc.sql("select body from webhook_deliveries where account_id = :account"
                        + " order by id").param("account", api.accountId()).query(String.class).list().stream()
                .map(body -> JsonMapper.builder().build().readTree(body)).toList();
        assertThat(events).extracting(event -> event.path("type").asString())
                .containsExactly("campaign.started", "campaign.finished");
        assertThat(events.get(0).path("data").path("campaign_id").asLong()).isEqualTo(campaign);
        assertThat(events.get(0).path("data").path("channel").asString()).isEqualTo(api.channel());
        assertThat(events.get(1).path("data").path("recipients").path("accepted").asInt()).isEqualTo(3);
    }

    @Test
    void metasPerUserMarketingLimit_failsThatRecipientForGood_countedByItsCode_andNotSentAgain() {
        connector.holdReports();
        long campaign = campaign("promo", 2, "scheduled");
        runSecond();
        String wamid = jdbc.sql("select wamid from campaign_recipients where campaign_id = :campaign and line = 1")
                .param("campaign", campaign).query(String.class).single();
        Map<String, Object> failed = new LinkedHashMap<>(status(wamid, "failed", clock.instant(),
                customer(1)));
        failed.put("errors", List.of(Map.of("code", 131049, "title", "This message was not delivered to maintain"
                + " healthy ecosystem engagement")));

        api.webhook(payload(api.channel(), List.of(), List.of(failed)));
        runUntilDone(campaign, 5);

        assertThat(progress.counts(campaign).failed()).containsExactly(Map.entry(131049, 1L));
        assertThat(state(campaign)).isEqualTo("finished");
        assertThat(jdbc.sql("select count(*) from messages where channel_id = :channel and direction = 'out'")
                .param("channel", channelId).query(Integer.class).single()).isEqualTo(2);
    }

    /** Runs the runner's passes within the clock's current second, until it has nothing more to do in it. */
    private void runSecond() {
        CampaignRunner.Pass pass;
        do {
            pass = runner.pass();
        } while (pass.moreNow());
        clock.advance(Duration.ofSeconds(1));
    }

    /** Runs second by second until the campaign is no longer running, for at most {@code mostSeconds}. */
    private void runUntilDone(long campaign, int mostSeconds) {
        for (int second = 0; second < mostSeconds && !List.of("finished", "cancelled").contains(state(campaign));
                second++) {
            runSecond();
        }
    }

    private List<Integer> sentPerSecond() {
        return jdbc.sql("select at, count(*) from messages where channel_id = :channel and direction = 'out'"
                        + " group by at order by at")
                .param("channel", channelId).query((row, n) -> row.getInt(2)).list();
    }

    private long campaign(String template, int recipients, String state) {
        long templateId = jdbc.sql("select id from templates where account_id = :account and name = :name")
                .param("account", api.accountId()).param("name", template).query(Long.class).single();
        Instant now = clock.instant();
        jdbc.sql("insert into campaigns (account_id, channel_id, name, template_id, state, starts_at, estimate,"
                        + " created_at, created_by) values (:account, :channel, 'Spring sale', :template, :state, :now,"
                        + " '{}', :now, 'admin@example.com')")
                .param("account", api.accountId()).param("channel", channelId).param("template", templateId)
                .param("state", state).param("now", Instants.param(now)).update();
        long id = jdbc.sql("select max(id) from campaigns").query(Long.class).single();
        String parameters = template.equals("promo") ? "[\"Ana\",\"10%\"]" : "[\"A-1\"]";
        for (int line = 1; line <= recipients; line++) {
            jdbc.sql("insert into campaign_recipients (campaign_id, line, recipient, parameters, state, updated_at)"
                            + " values (:campaign, :line, :recipient, :parameters, 'pending', :now)")
                    .param("campaign", id).param("line", line).param("recipient", customer(line))
                    .param("parameters", parameters).param("now", Instants.param(now)).update();
        }
        return id;
    }

    private static String customer(int line) {
        return "5521988" + String.format("%06d", line);
    }

    private String state(long campaign) {
        return jdbc.sql("select state from campaigns where id = :id").param("id", campaign).query(String.class)
                .single();
    }

    private void setState(long campaign, String state) {
        jdbc.sql("update campaigns set state = :state where id = :id").param("state", state).param("id", campaign)
                .update();
    }

    private int accepted(long campaign) {
        return jdbc.sql("select count(*) from campaign_recipients where campaign_id = :id and state = 'accepted'")
                .param("id", campaign).query(Integer.class).single();
    }

    private List<String> recipients(long campaign) {
        return jdbc.sql("select state, reason, error_code from campaign_recipients where campaign_id = :id"
                        + " order by line")
                .param("id", campaign)
                .query((row, n) -> {
                    String state = row.getString("state");
                    int code = row.getInt("error_code");
                    return state.equals("failed") ? state + " " + code
                            : row.getString("reason") == null ? state : state + " " + row.getString("reason");
                })
                .list();
    }
}
