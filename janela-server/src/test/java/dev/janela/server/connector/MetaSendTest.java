package dev.janela.server.connector;

import static dev.janela.server.testfixtures.Webhooks.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.GraphStandIn;
import dev.janela.server.testfixtures.MetaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import dev.janela.server.testfixtures.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The {@code meta} connector against a stand-in for Meta's Graph API: what reaches Meta, Meta's errors, its limits,
 * retries, and answers that never come.
 */
@MetaServerTest
class MetaSendTest {
    private static final String CUSTOMER = "5521987650004";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private MetaDispatcher dispatcher;
    @Autowired
    private JdbcClient jdbc;

    private final GraphStandIn meta = GraphStandIn.get();
    private Api api;
    private String channel;

    @BeforeEach
    void accountWithATemplate() {
        api = server.anAccount()
                .withTemplateApprovedAtMeta("order_update", "en_US", "utility", "Order {{1}} has shipped.").build();
        channel = api.channel();
    }

    @Test
    void aSend_reachesMeta_asTheClientWroteIt_withJanelasIdToEcho_andMetasIdIsRecorded() {
        String wamid = sendTemplate(CUSTOMER);

        dispatcher.dispatchDue().join();

        GraphStandIn.Request request = meta.sends(channel).get(0);
        assertThat(request.path()).isEqualTo("/v24.0/" + channel + "/messages");
        assertThat(request.authorization()).isEqualTo("Bearer " + GraphStandIn.ACCESS_TOKEN);
        assertThat(request.body().path("to").asString()).isEqualTo(CUSTOMER);
        assertThat(request.body().path("template").path("name").asString()).isEqualTo("order_update");
        assertThat(request.body().path("biz_opaque_callback_data").asString()).isEqualTo(wamid);
        JsonNode message = message(wamid);
        assertThat(message.path("state").asString()).isEqualTo("pending");
        assertThat(message.path("meta_wamid").asString()).startsWith("wamid.meta-");
    }

    @Test
    void aSendToABsuid_reachesMetaAddressedByRecipient_withoutANumber() {
        String bsuid = "BR.1502512345678901";
        Api.expect(api.webhook(payload(channel, List.of(Webhooks.textFromBsuid("wamid.in-bsuid", bsuid,
                clock.instant(), "Hi")), List.of())), 200);

        Api.expect(api.send(channel, Map.of("messaging_product", "whatsapp", "recipient", bsuid, "type", "text",
                "text", Map.of("body", "Hello"))), 200);
        dispatcher.dispatchDue().join();

        JsonNode body = meta.sends(channel).get(0).body();
        assertThat(body.path("recipient").asString()).isEqualTo(bsuid);
        assertThat(body.has("to")).as("%s", body).isFalse();
    }

    @Test
    void metasStatusWebhooks_nameMetasId_andMoveJanelasMessage() {
        String wamid = sendTemplate(CUSTOMER);
        dispatcher.dispatchDue().join();
        String metaWamid = message(wamid).path("meta_wamid").asString();

        api.webhook(payload(channel, List.of(), List.of(Webhooks.status(metaWamid, "delivered", clock.instant(),
                CUSTOMER))));

        assertThat(message(wamid).path("state").asString()).isEqualTo("delivered");
        assertThat(meta.sends(channel)).hasSize(1);
    }

    @ParameterizedTest(name = "{1} in HTTP {0}")
    @CsvSource({
        "400, 131026, Message undeliverable",
        "404, 132001, Template name does not exist in the translation",
        "400, 131047, Re-engagement message",
        "400, 100, Invalid parameter",
        "401, 190, Access token has expired",
        "403, 131031, Account has been locked"})
    void aPermanentError_failsTheMessageAtOnce_withMetasCode_andItsChargeIsReversed(int status, int code,
            String title) {
        meta.failNext(channel, 1, status, code, title);
        String wamid = sendTemplate(CUSTOMER);

        dispatcher.dispatchDue().join();

        JsonNode message = message(wamid);
        assertThat(message.path("state").asString()).isEqualTo("failed");
        assertThat(message.path("error_code").asInt()).isEqualTo(code);
        assertThat(meta.sends(channel)).hasSize(1);
        assertThat(chargeTotal()).isEqualTo("0.0000");
        assertThat(api.get("/actuator/prometheus", "text/plain").body()).as("the operator's metrics")
                .containsPattern("janela_meta_sends_total\\{code=\"" + code + "\",result=\"failed\"} [1-9]")
                .contains("janela_meta_send_queue ").contains("janela_messages_unknown ")
                .as("the channel this node took to send it").containsPattern("janela_meta_channels_held [1-9]");
    }

    @ParameterizedTest(name = "{1} in HTTP {0}")
    @CsvSource({
        "400, 130429, Rate limit hit",
        "400, 131056, (Business Account, Consumer Account) pair rate limit hit",
        "500, 131000, Something went wrong",
        "503, 131016, Service unavailable"})
    void aLimitOrAServerError_isTriedAgainLater_withBackoff_thenSucceeds(int status, int code, String title) {
        meta.failNext(channel, 2, status, code, title);
        String wamid = sendTemplate(CUSTOMER);

        dispatcher.dispatchDue().join();
        dispatcher.dispatchDue().join();
        assertThat(meta.sends(channel)).as("not tried again before its backoff").hasSize(1);
        clock.advance(Duration.ofSeconds(2));
        dispatcher.dispatchDue().join();
        assertThat(meta.sends(channel)).hasSize(2);
        clock.advance(Duration.ofSeconds(4));
        dispatcher.dispatchDue().join();

        assertThat(meta.sends(channel)).hasSize(3);
        JsonNode message = message(wamid);
        assertThat(message.path("state").asString()).isEqualTo("pending");
        assertThat(message.path("meta_wamid").asString()).startsWith("wamid.meta-");
        assertThat(chargeTotal()).isEqualTo("0.0625");
    }

    @Test
    void whenMetaCannotBeReached_theSendIsTriedAgainLater_andGoesOnceItCan() {
        String wamid = sendTemplate(CUSTOMER);
        meta.goDown();
        try {
            dispatcher.dispatchDue().join();
        } finally {
            meta.comeBack();
        }
        assertThat(message(wamid).path("state").asString()).isEqualTo("pending");
        assertThat(meta.sends(channel)).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        dispatcher.dispatchDue().join();

        assertThat(meta.sends(channel)).hasSize(1);
        assertThat(message(wamid).path("meta_wamid").asString()).startsWith("wamid.meta-");
    }

    @Test
    void aLimitThatOutlastsTheAttempts_failsTheMessage_withMetasCode() {
        meta.failNext(channel, 3, 400, 130429, "Rate limit hit");
        String wamid = sendTemplate(CUSTOMER);

        for (int attempt = 0; attempt < 3; attempt++) {
            dispatcher.dispatchDue().join();
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(meta.sends(channel)).hasSize(3);
        assertThat(message(wamid).path("state").asString()).isEqualTo("failed");
        assertThat(message(wamid).path("error_code").asInt()).isEqualTo(130429);
        assertThat(chargeTotal()).isEqualTo("0.0000");
    }

    @Test
    void aBurst_reachesMeta_noFasterThanTheChannelsThroughput_inAnySecond_spreadOverIt() {
        Api.expect(api.patch("/api/channels/" + channel, Map.of("throughput", 5)), 200);
        for (int customer = 0; customer < 12; customer++) {
            sendTemplate("55219876500" + (10 + customer));
        }

        List<Integer> perTenth = new ArrayList<>();
        for (int tenth = 0; tenth < 30; tenth++) {
            int before = meta.sends(channel).size();
            dispatcher.dispatchDue().join();
            perTenth.add(meta.sends(channel).size() - before);
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(perTenth.subList(0, 10).stream().mapToInt(Integer::intValue).sum()).as("the first second")
                .isEqualTo(5);
        for (int start = 0; start + 10 <= perTenth.size(); start++) {
            assertThat(perTenth.subList(start, start + 10).stream().mapToInt(Integer::intValue).sum())
                    .as("the second from tenth %d of %s", start, perTenth).isLessThanOrEqualTo(5);
        }
        assertThat(perTenth).as("never more than one at once").allMatch(sent -> sent <= 1);
        assertThat(meta.sends(channel).stream().map(request -> request.body().path("to").asString()).distinct())
                .as("each sent once, oldest first").hasSize(12).startsWith("5521987650010", "5521987650011");
    }

    @Test
    void aChannelItsThroughputHolds_withMoreWaitingThanAPassReads_doesNotKeepAnotherChannelsSendsWaiting() {
        Api.expect(api.patch("/api/channels/" + channel, Map.of("throughput", 50)), 200);
        for (int customer = 0; customer < 600; customer++) {
            sendTemplate(String.format("55219876%05d", customer));
        }
        Api other = server.anAccount()
                .withTemplateApprovedAtMeta("order_update", "en_US", "utility", "Order {{1}} has shipped.").build();
        Api.expect(other.sendTemplate(other.channel(), CUSTOMER, "order_update", "en_US", "A-1"), 200);

        for (int tenth = 0; tenth < 5; tenth++) {
            dispatcher.dispatchDue().join();
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(meta.sends(other.channel())).as("the other channel's send, behind 600 held ones").hasSize(1);
        assertThat(meta.sends(channel)).as("a channel of 50 a second, 5 at once, for half a second").hasSize(25);
    }

    @Test
    void messagesToOneCustomer_keepMetasPairLimit_aBurstThenOneEverySixSeconds_inOrder() {
        List<String> sent = List.of(sendTemplate(CUSTOMER), sendTemplate(CUSTOMER), sendTemplate(CUSTOMER),
                sendTemplate(CUSTOMER), sendTemplate(CUSTOMER));

        dispatcher.dispatchDue().join();
        assertThat(meta.sends(channel)).hasSize(3);
        clock.advance(Duration.ofSeconds(5));
        dispatcher.dispatchDue().join();
        assertThat(meta.sends(channel)).hasSize(3);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue().join();
        assertThat(meta.sends(channel)).hasSize(4);
        clock.advance(Duration.ofSeconds(6));
        dispatcher.dispatchDue().join();

        List<String> reached = meta.sends(channel).stream()
                .map(request -> request.body().path("biz_opaque_callback_data").asString()).toList();
        assertThat(reached.subList(0, 3)).as("the burst, sent together").containsExactlyInAnyOrderElementsOf(
                sent.subList(0, 3));
        assertThat(reached.subList(3, 5)).as("then one at a time, in order").isEqualTo(sent.subList(3, 5));
    }

    @Test
    void aSendThatWouldWaitTooLongForThePairLimit_isRefusedAtOnce_withMetasCode_andNotCharged() {
        for (int queued = 0; queued < 8; queued++) {
            sendTemplate(CUSTOMER);
        }

        Response refused = api.sendTemplate(channel, CUSTOMER, "order_update", "en_US", "A-9");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("code").asInt()).isEqualTo(131056);
        assertThat(api.get("/api/charges").json().path("charges").size()).isEqualTo(8);
    }

    @Test
    void aSendThatWouldWaitTooLongForTheChannelsThroughput_isRefusedWithMetasCode_untilTheQueueHasMoved() {
        Api.expect(api.patch("/api/channels/" + channel, Map.of("throughput", 1)), 200);
        for (int customer = 0; customer <= 30; customer++) {
            sendTemplate("55219876501" + (10 + customer));
        }

        Response refused = api.sendTemplate(channel, "5521987650200", "order_update", "en_US", "A-9");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("code").asInt()).isEqualTo(130429);
        assertThat(api.get("/api/charges").json().path("charges").size()).as("nothing charged for it").isEqualTo(31);

        for (int second = 0; second < 3; second++) {
            dispatcher.dispatchDue().join();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(meta.sends(channel)).hasSize(3);
        Api.expect(api.sendTemplate(channel, "5521987650200", "order_update", "en_US", "A-9"), 200);
    }

    @Test
    void aSendWhoseAnswerTimesOut_isUnknown_isNeverSentAgain_andMetasStatusSettlesIt() {
        String wamid = aSendWhoseAnswerTimedOut();

        assertThat(message(wamid).path("state").asString()).isEqualTo("unknown");
        assertThat(meta.sends(channel)).hasSize(1);
        Map<String, Object> status = Webhooks.status("wamid.meta-lost", "sent", clock.instant(), CUSTOMER);
        status.put("biz_opaque_callback_data", wamid);
        api.webhook(payload(channel, List.of(), List.of(status)));
        JsonNode settled = message(wamid);
        assertThat(settled.path("state").asString()).isEqualTo("sent");
        assertThat(settled.path("meta_wamid").asString()).isEqualTo("wamid.meta-lost");
        assertThat(chargeTotal()).isEqualTo("0.0625");
    }

    @Test
    void statusesInOneDelivery_eachSeeWhatTheOneBeforeChanged() {
        String wamid = aSendWhoseAnswerTimedOut();
        assertThat(api.get("/api/messages/unknown").json().path("messages").size()).isOne();

        // Meta's id is first learnt from the sent status's callback data; the next two name the message by it alone
        Map<String, Object> sent = Webhooks.status("wamid.meta-late", "sent", clock.instant(), CUSTOMER);
        sent.put("biz_opaque_callback_data", wamid);
        Map<String, Object> read = Webhooks.status("wamid.meta-late", "read", clock.instant(), CUSTOMER);
        Map<String, Object> delivered = Webhooks.status("wamid.meta-late", "delivered", clock.instant(), CUSTOMER);
        Api.expect(api.webhook(payload(channel, List.of(), List.of(sent, read, delivered))), 200);

        JsonNode message = message(wamid);
        assertThat(message.path("state").asString()).as("read, which delivered cannot move back").isEqualTo("read");
        assertThat(message.path("meta_wamid").asString()).isEqualTo("wamid.meta-late");
        assertThat(api.get("/api/messages/unknown").json().path("messages").size()).isZero();
    }

    @Test
    void aLostConnection_leavesTheMessageUnknown_andPastTheDeadlineItIsFlaggedForAnOperator() {
        meta.dropNext(channel);
        String wamid = sendTemplate(CUSTOMER);
        dispatcher.dispatchDue().join();
        assertThat(message(wamid).path("state").asString()).isEqualTo("unknown");

        clock.advance(Duration.ofMinutes(14));
        dispatcher.keepHouse();
        assertThat(message(wamid).path("flagged_at").isNull()).isTrue();
        clock.advance(Duration.ofMinutes(2));
        dispatcher.keepHouse();

        assertThat(Instant.parse(message(wamid).path("flagged_at").asString())).isEqualTo(clock.instant());
        assertThat(meta.sends(channel)).hasSize(1);
    }

    @Test
    void aSendWhoseProcessStoppedInFlight_becomesUnknown_andIsNotSentAgain() {
        String wamid = sendTemplate(CUSTOMER);
        jdbc.sql("update send_queue set claimed_at = :claimed where wamid = :wamid")
                .param("claimed", Instants.param(clock.instant())).param("wamid", wamid).update();

        clock.advance(Duration.ofSeconds(30));
        dispatcher.keepHouse();
        assertThat(message(wamid).path("state").asString()).as("it may still be in flight").isEqualTo("pending");
        clock.advance(Duration.ofMinutes(1));
        dispatcher.keepHouse();
        dispatcher.dispatchDue().join();

        assertThat(message(wamid).path("state").asString()).isEqualTo("unknown");
        assertThat(meta.sends(channel)).isEmpty();
    }

    @Test
    void anOperator_seesTheUnknownMessages_andSettlesOneAsFailed_whichReversesItsCharge() {
        meta.dropNext(channel);
        String wamid = sendTemplate(CUSTOMER);
        dispatcher.dispatchDue().join();

        JsonNode unknown = api.get("/api/messages/unknown").json().path("messages");
        assertThat(unknown.valueStream().map(message -> message.path("wamid").asString())).containsExactly(wamid);
        Response settled = api.post("/api/channels/" + channel + "/messages/" + wamid + "/settlement",
                Map.of("state", "failed"));

        Api.expect(settled, 200);
        assertThat(message(wamid).path("state").asString()).isEqualTo("failed");
        assertThat(chargeTotal()).isEqualTo("0.0000");
        assertThat(api.get("/api/messages/unknown").json().path("messages").size()).isZero();
        assertThat(api.post("/api/channels/" + channel + "/messages/" + wamid + "/settlement",
                Map.of("state", "sent")).status()).as("settled already").isEqualTo(409);
    }

    /** A send that reached Meta, whose answer did not come back in time: Janela's id for it. */
    private String aSendWhoseAnswerTimedOut() {
        meta.holdNext(channel);
        String wamid = sendTemplate(CUSTOMER);
        dispatcher.dispatchDue().join();
        meta.release();
        clock.advance(Duration.ofMinutes(10));
        dispatcher.dispatchDue().join();
        return wamid;
    }

    private String sendTemplate(String customer) {
        Response sent = api.sendTemplate(channel, customer, "order_update", "en_US", "A-1");
        Api.expect(sent, 200);
        return sent.json().path("messages").path(0).path("id").asString();
    }

    /** The message to {@link #CUSTOMER} with Janela's id {@code wamid}, as the messages API shows it. */
    private JsonNode message(String wamid) {
        return api.get("/api/channels/" + channel + "/conversations/" + CUSTOMER + "/messages").json()
                .path("messages").valueStream().filter(message -> message.path("wamid").asString().equals(wamid))
                .findFirst().orElseThrow(() -> new AssertionError("no message " + wamid));
    }

    private String chargeTotal() {
        return api.get("/api/reports/costs?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z").json().path("totals")
                .path("total").asString();
    }
}
