package dev.janela.server.campaign;

import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.testfixtures.AllAtOnce;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Campaigns through the API: created whole from a list or not at all, estimated as sending would price them, with
 * whom they skip and why, and moved from state to state only as the state allows.
 */
@JanelaServerTest
class CampaignsTest {
    private static final String OPEN = "5521987650901";
    private static final String CLOSED = "5521987650902";
    private static final String NEW = "5521987650903";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private JdbcClient jdbc;

    private Api api;
    private String channel;

    @BeforeEach
    void anAccountWithAnApprovedTemplate() {
        api = server.anAccount().withApprovedTemplate("promo", "en", "marketing",
                "Hello {{1}}, your code is {{2}}.").build();
        channel = api.channel();
    }

    @Nested
    class Creating {
        @Test
        void aCsvList_makesADraft_withInvalidAndRepeatedRecipientsSkipped_andItsEstimate() {
            Response created = createCsv("recipient,2,1\r\n"
                    + "+55 21 98765-0901,A1,Ana\r\n"
                    + "\"5521987650902\",A2,\"Bruno, Jr.\"\r\n"
                    + "12ab,A3,Carla\r\n"
                    + "0055 21 98765 0901,A4,Ana again\r\n"
                    + "BR.1502512345678901,A5,Dora\r\n");

            assertThat(created.status()).as("%s", created).isEqualTo(201);
            JsonNode campaign = created.json();
            assertThat(campaign.path("state").asString()).isEqualTo("draft");
            assertThat(campaign.path("counts").path("pending").asLong()).isEqualTo(3);
            assertThat(campaign.path("counts").path("skipped").asLong()).isEqualTo(2);
            assertThat(campaign.path("counts").path("skipped.invalid").asLong()).isEqualTo(1);
            assertThat(campaign.path("counts").path("skipped.duplicate").asLong()).isEqualTo(1);
            JsonNode estimate = campaign.path("estimate");
            assertThat(estimate.path("totals").path("recipients").asLong()).isEqualTo(3);
            assertThat(estimate.path("totals").path("charged").asLong()).isEqualTo(3);
            assertThat(estimate.path("totals").path("total").asString()).isEqualTo("0.1875");
            assertThat(estimate.path("currency").asString()).isEqualTo("USD");
            assertThat(estimate.path("by_market").path(0).path("market").asString()).isEqualTo("BR");
            assertThat(estimate.path("by_market").path(0).path("category").asString()).isEqualTo("marketing");
            assertThat(skipped(estimate, "invalid").path("listed").path(0).path("line").asInt()).isEqualTo(4);
            assertThat(skipped(estimate, "duplicate").path("listed").path(0).path("detail").asString())
                    .isEqualTo("of line 2");
            JsonNode recipients = api.get("/api/campaigns/" + campaign.path("id").asLong() + "/recipients").json();
            assertThat(recipients.path("recipients").valueStream().map(recipient -> recipient.path("line").asInt()
                    + " " + recipient.path("recipient").asString() + " " + recipient.path("state").asString()))
                    .containsExactly("2 5521987650901 pending", "3 5521987650902 pending", "4 12ab skipped",
                            "5 5521987650901 skipped", "6 BR.1502512345678901 pending");
            assertThat(recipients.path("recipients").path(1).path("parameters").valueStream()
                    .map(JsonNode::asString)).containsExactly("Bruno, Jr.", "A2");
        }

        @Test
        void aListWithBadLines_isRefusedNamingEveryLine_andNothingIsStored() {
            Response refused = createCsv("recipient,1,2\n5521987650901,Ana,A1\n5521987650902,Bruno\n"
                    + "5521987650903,,A3\n5521987650904,\"Dora,A4\n");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("message").asString()).isEqualTo("recipients: 3 lines are invalid");
            assertThat(refused.json().path("fields").valueStream().map(field -> field.path("field").asString()
                    + ": " + field.path("message").asString()).toList()).satisfiesExactly(
                            line -> assertThat(line).startsWith("line 3: has 2 fields; the header has 3"),
                            line -> assertThat(line).startsWith("line 4: 1: is empty"),
                            line -> assertThat(line).startsWith("line 5: a quoted field is not closed"));
            assertThat(api.get("/api/campaigns").json().path("campaigns").size()).isZero();
        }

        @Test
        void aJsonList_withANamedTemplateAndAHeader_isReadAsTheCsvWouldBe() {
            Response template = api.post("/api/templates", Map.of("name", "welcome", "language", "pt_BR",
                    "category", "utility", "header", "Loja {{city}}", "body", "Oi {{first_name}}, tudo bem?"));
            Api.expect(api.post("/api/templates/" + template.json().path("id").asLong() + "/approve", "{}"), 200);

            Response created = api.post("/api/campaigns", Map.of("name", "Welcome", "channel", channel,
                    "template", Map.of("name", "welcome", "language", "pt_BR"), "recipients", List.of(
                            Map.of("recipient", NEW, "header", "Rio", "first_name", "Ana"),
                            Map.of("recipient", "BR.1502512345678901", "header", "Rio", "first_name", "Bia"))));

            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(created.json().path("template").path("columns").valueStream().map(JsonNode::asString))
                    .containsExactly("recipient", "header", "first_name");
            assertThat(created.json().path("estimate").path("totals").path("recipients").asLong()).isEqualTo(2);
            assertThat(created.json().path("estimate").path("by_market").path(0).path("market").asString())
                    .isEqualTo("BR");
        }

        @Test
        void aTemplateNotApproved_orNotTheAccounts_orMissingParts_isRefused() {
            Api.expect(api.post("/api/templates", Map.of("name", "draft", "language", "en", "category", "utility",
                    "body", "Hi {{1}} there")), 201);

            Response pending = create("draft", "recipient,1\n" + NEW + ",Ana\n");
            Response unknown = create("nope", "recipient,1\n" + NEW + ",Ana\n");
            Response empty = api.post("/api/campaigns", Map.of());

            assertThat(pending.status()).isEqualTo(400);
            assertThat(pending.json().path("message").asString())
                    .isEqualTo("template: draft in en is pending; a campaign sends an approved template only");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(empty.json().path("fields").valueStream().map(field -> field.path("field").asString()))
                    .containsExactly("name", "channel", "template", "recipients");
        }

        @Test
        void anAgent_readsCampaigns_butMayNotCreateOrChangeThem() {
            long id = createCsv("recipient,1,2\n" + NEW + ",Ana,A1\n").json().path("id").asLong();
            Api agent = api.addUser("agent." + UUID.randomUUID() + "@example.com", "agent");

            assertThat(agent.get("/api/campaigns/" + id).status()).isEqualTo(200);
            assertThat(agent.get("/api/campaigns").json().path("campaigns").size()).isEqualTo(1);
            assertThat(agent.post("/api/campaigns/" + id + "/start", "{}").status()).isEqualTo(403);
            assertThat(agent.post("/api/campaigns?name=x&channel=" + channel + "&template=promo&language=en",
                    "text/csv", "recipient,1,2\n" + NEW + ",a,b\n").status()).isEqualTo(403);
        }
    }

    @Nested
    class Estimating {
        @Test
        void anOpenWindowIsFree_andOptedOutOrCappedCustomersAreSkipped() {
            customerWrites(CLOSED, START);
            clock.set(START.plus(Duration.ofHours(30)));
            customerWrites(OPEN, clock.instant().minus(Duration.ofHours(1)));
            Api.expect(api.sendTemplate(channel, CLOSED, "promo", "en", "x", "y"), 200);
            jdbc.sql("update accounts set marketing_cap_count = 1, marketing_cap_days = 7 where id = :id")
                    .param("id", api.accountId()).update();
            customerWrites("5521987650904", clock.instant().minus(Duration.ofHours(2)));
            jdbc.sql("update customers set opted_out_at = :now where account_id = :account"
                    + " and handle = '5521987650904'")
                    .param("now", Instants.param(clock.instant())).param("account", api.accountId()).update();

            JsonNode estimate = createCsv("recipient,1,2\n" + OPEN + ",a,b\n" + CLOSED + ",a,b\n" + NEW
                    + ",a,b\n5521987650904,a,b\n").json().path("estimate");

            assertThat(estimate.path("totals").path("recipients").asLong()).isEqualTo(2);
            assertThat(estimate.path("totals").path("free").asLong()).isEqualTo(1);
            assertThat(estimate.path("totals").path("total").asString()).isEqualTo("0.0625");
            assertThat(skipped(estimate, "over_cap").path("listed").path(0).path("line").asInt()).isEqualTo(3);
            assertThat(skipped(estimate, "opted_out").path("count").asLong()).isEqualTo(1);
        }

        @Test
        void aDraft_isEstimatedAgain_asItWouldBeSentNow() {
            long id = createCsv("recipient,1,2\n" + OPEN + ",a,b\n").json().path("id").asLong();
            customerWrites(OPEN, START);

            JsonNode again = api.post("/api/campaigns/" + id + "/estimate", "{}").json();

            assertThat(again.path("estimate").path("totals").path("free").asLong()).isEqualTo(1);
            assertThat(again.path("estimate").path("totals").path("total").asString()).isEqualTo("0.0000");
        }
    }

    @Nested
    class ChangingState {
        @Test
        void aDraftStartedNow_runs_pausesResumesAndIsCancelled_andThenRefusesChanges() {
            long id = draft();

            assertThat(state(api.post("/api/campaigns/" + id + "/start", "{}"))).isEqualTo("running");
            assertThat(state(api.post("/api/campaigns/" + id + "/pause", "{}"))).isEqualTo("paused");
            assertThat(state(api.post("/api/campaigns/" + id + "/resume", "{}"))).isEqualTo("running");
            JsonNode cancelled = api.post("/api/campaigns/" + id + "/cancel", "{}").json();
            Response again = api.post("/api/campaigns/" + id + "/pause", "{}");

            assertThat(cancelled.path("state").asString()).isEqualTo("cancelled");
            assertThat(cancelled.path("started_at").asString()).startsWith("2026-03-02T09:00:00");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().path("message").asString())
                    .isEqualTo("campaign " + id + " is cancelled and cannot be paused; only a running or scheduled"
                            + " campaign is");
        }

        @Test
        void aDraftStartedLater_isScheduled_andResumedBeforeItsTime_isScheduledStill() {
            long id = draft();
            Instant later = START.plus(Duration.ofDays(1));

            JsonNode scheduled = api.post("/api/campaigns/" + id + "/start",
                    Map.of("starts_at", later.toString())).json();
            api.post("/api/campaigns/" + id + "/pause", "{}");
            String resumed = state(api.post("/api/campaigns/" + id + "/resume", "{}"));

            assertThat(scheduled.path("state").asString()).isEqualTo("scheduled");
            assertThat(scheduled.path("starts_at").asString()).startsWith("2026-03-03T09:00:00");
            assertThat(resumed).isEqualTo("scheduled");
        }

        @Test
        void onlyADraft_isStartedOrDeleted() {
            long running = draft();
            long other = draft();
            api.post("/api/campaigns/" + running + "/start", "{}");

            Response startedTwice = api.post("/api/campaigns/" + running + "/start", "{}");
            Response deleteRunning = api.delete("/api/campaigns/" + running);
            Response deleteDraft = api.delete("/api/campaigns/" + other);

            assertThat(startedTwice.status()).isEqualTo(409);
            assertThat(startedTwice.json().path("message").asString()).contains("is running and cannot be started");
            assertThat(deleteRunning.status()).isEqualTo(409);
            assertThat(deleteDraft.status()).isEqualTo(204);
            assertThat(api.get("/api/campaigns/" + other).status()).isEqualTo(404);
            assertThat(api.get("/api/campaigns/" + running + "/recipients").json().path("recipients").size())
                    .isEqualTo(1);
        }

        @Test
        void twoStartsAtOnce_oneWins_andTheOtherIsToldTheState() throws Exception {
            long id = draft();

            List<Integer> statuses = AllAtOnce.run(4, () -> api.post("/api/campaigns/" + id + "/start", "{}")
                    .status());

            assertThat(statuses).containsOnlyOnce(200).filteredOn(status -> status != 200).containsOnly(409);
            assertThat(api.get("/api/campaigns/" + id).json().path("state").asString()).isEqualTo("running");
        }

        @Test
        void anotherAccountsCampaign_isNotFound() {
            long id = draft();

            assertThat(server.newAccount().post("/api/campaigns/" + id + "/start", "{}").status()).isEqualTo(404);
        }
    }

    @Test
    void recipients_arePagedByLine() {
        StringBuilder csv = new StringBuilder("recipient,1,2\n");
        for (int number = 0; number < 25; number++) {
            csv.append("55219876510").append(10 + number).append(",a,b\n");
        }
        long id = createCsv(csv.toString()).json().path("id").asLong();

        JsonNode first = api.get("/api/campaigns/" + id + "/recipients?limit=10").json();
        JsonNode third = api.get("/api/campaigns/" + id + "/recipients?limit=10&after=21").json();

        assertThat(first.path("recipients").size()).isEqualTo(10);
        assertThat(first.path("next_after").asInt()).isEqualTo(11);
        assertThat(third.path("recipients").path(0).path("line").asInt()).isEqualTo(22);
        assertThat(third.path("next_after").isNull()).isTrue();
    }

    private long draft() {
        return createCsv("recipient,1,2\n" + NEW + ",Ana,A1\n").json().path("id").asLong();
    }

    private Response createCsv(String csv) {
        return create("promo", csv);
    }

    private Response create(String template, String csv) {
        return api.post("/api/campaigns?name=Spring%20sale&channel=" + channel + "&template=" + template
                + "&language=en", "text/csv", csv);
    }

    private static String state(Response answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json().path("state").asString();
    }

    private static JsonNode skipped(JsonNode estimate, String reason) {
        return estimate.path("skipped").valueStream().filter(skip -> skip.path("reason").asString().equals(reason))
                .findFirst().orElseThrow();
    }

    private void customerWrites(String customer, Instant at) {
        api.webhook(payload(channel, List.of(text("wamid.c" + customer + at.getEpochSecond(), customer, at, "Oi")),
                List.of()));
    }
}
