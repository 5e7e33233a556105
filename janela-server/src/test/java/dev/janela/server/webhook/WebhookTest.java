package dev.janela.server.webhook;

import static dev.janela.server.testfixtures.TestServer.APP_SECRET;
import static dev.janela.server.testfixtures.TestServer.BRAZIL_RATES;
import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.TestServer.VERIFY_TOKEN;
import static dev.janela.server.testfixtures.Webhooks.change;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.status;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.AllAtOnce;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestConnector;
import dev.janela.server.testfixtures.TestServer;
import dev.janela.server.testfixtures.Webhooks;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /webhooks/whatsapp}: the handshake, signatures, several items per delivery, duplicates, statuses. */
@JanelaServerTest
class WebhookTest {
    private static final String CUSTOMER = "5521987650002";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private TestConnector connector;
    @Autowired
    private JdbcClient jdbc;

    private Api api;
    private String channel;

    @BeforeEach
    void channelWithRates() {
        api = server.anAccount().build();
        channel = api.channel();
    }

    @Test
    void handshake_echoesTheChallenge_whenTheVerifyTokenMatches() {
        Response answer = handshake("subscribe", VERIFY_TOKEN, "1158201444");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("1158201444");
    }

    @Test
    void handshake_isRefused_withAWrongTokenOrMode_orWithoutAChallenge() {
        assertThat(handshake("subscribe", "not-the-token", "1").status()).isEqualTo(403);
        assertThat(handshake("subscribe", VERIFY_TOKEN + "x", "1").status()).isEqualTo(403);
        assertThat(handshake("unsubscribe", VERIFY_TOKEN, "1").status()).isEqualTo(403);
        assertThat(handshake(null, VERIFY_TOKEN, "1").status()).isEqualTo(403);
        assertThat(handshake("subscribe", null, "1").status()).isEqualTo(403);
        assertThat(handshake("subscribe", VERIFY_TOKEN, null).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "empty", "other-secret", "other-body", "no-prefix", "sha1"})
    void delivery_withoutTheAppSecretsSignatureOfItsBytes_is401_andChangesNothing(String signature) {
        byte[] body = inbound("wamid.unsigned", START).getBytes(StandardCharsets.UTF_8);
        String header = switch (signature) {
            case "none" -> null;
            case "empty" -> "";
            case "other-secret" -> Webhooks.signature(body, "another-secret");
            case "other-body" -> Webhooks.signature(inbound("wamid.other", START).getBytes(StandardCharsets.UTF_8),
                    APP_SECRET);
            case "no-prefix" -> Webhooks.signature(body, APP_SECRET).substring("sha256=".length());
            case "sha1" -> "sha1=" + Webhooks.signature(body, APP_SECRET).substring("sha256=".length());
            default -> throw new IllegalArgumentException(signature);
        };

        Response answer = api.webhook(body, header);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("unauthenticated");
        assertThat(answer.body()).doesNotContain(APP_SECRET);
        assertThat(charges()).isEmpty();
    }

    @Test
    void signedBody_thatIsNotJson_is400() {
        byte[] body = "{\"entry\":[".getBytes(StandardCharsets.UTF_8);

        Response answer = api.webhook(body, Webhooks.signature(body, APP_SECRET));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_request");
    }

    @Test
    void aBodyOverOneMebibyte_is413_evenWithoutADeclaredLength() {
        byte[] huge = ("{\"pad\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        // A stream's length is unknown to the client, so it is sent chunked: the limit is met while reading.
        Response streamed = api.exchange(HttpRequest.newBuilder(api.base().resolve("/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", Webhooks.signature(huge, APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));

        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.errorCode()).isEqualTo("payload_too_large");
    }

    @Test
    void oneDelivery_mayCarrySeveralChannelsAndMessages_eachApplied() {
        String second = api.addChannel();
        String payload = Webhooks.payload(List.of(
                change(channel, List.of(text("wamid.a1", CUSTOMER, START, "Hi"),
                        text("wamid.a2", "5521987650003", START, "Hello")), List.of()),
                change(second, List.of(text("wamid.b1", CUSTOMER, START, "Hey")), List.of())));

        assertThat(api.webhook(payload).status()).isEqualTo(200);

        assertThat(charges()).extracting(charge -> charge.path("channel").asString() + " "
                + charge.path("customer").asString()).containsExactlyInAnyOrder(
                        channel + " +" + CUSTOMER, channel + " +5521987650003", second + " +" + CUSTOMER);
    }

    @Test
    void theMessagesTimestamp_notTheTimeOfDelivery_countsTheWindow() {
        Instant written = START.minus(Duration.ofHours(23));

        api.webhook(inbound("wamid.late", written));

        JsonNode window = window();
        assertThat(Instant.parse(window.path("window_expires_at").asString()))
                .isEqualTo(written.plus(Duration.ofHours(24)));
        assertThat(window.path("seconds_left").asLong()).isEqualTo(3600);
    }

    @Test
    void aMessageFromAnAd_isStoredAsAFreeEntryPoint_andTheOtherOfItsDeliveryIsNot() {
        Map<String, Object> fromAnAd = new HashMap<>(text("wamid.from-ad", CUSTOMER, START, "I saw your ad"));
        fromAnAd.put("referral", Map.of("source_type", "ad", "source_id", "120208", "source_url", "https://fb.me/a"));

        api.webhook(payload(channel, List.of(fromAnAd, text("wamid.plain", "5521987650003", START, "Hello")),
                List.of()));

        assertThat(referral("wamid.from-ad")).isTrue();
        assertThat(referral("wamid.plain")).isFalse();
    }

    @Test
    void aRepeatedDelivery_changesNothing() {
        String payload = inbound("wamid.repeated", START);

        assertThat(api.webhook(payload).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(30));
        assertThat(api.webhook(payload).status()).isEqualTo(200);

        assertThat(charges()).hasSize(1);
        assertThat(messageCount()).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfTheSameMessage_areAllAnswered200_andAppliedOnce() throws Exception {
        String payload = inbound("wamid.concurrent", START);

        List<Response> answers = AllAtOnce.run(8, () -> api.webhook(payload));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(200));
        assertThat(charges()).hasSize(1);
        assertThat(messageCount()).isEqualTo(1);
    }

    @Test
    void aMessageThatCannotBePriced_isNotAcknowledged_andIsAppliedWhenMetaDeliversItAgain() {
        Api unpriced = server.anAccount().withoutRates().build();
        String itsChannel = unpriced.channel();
        String delivery = payload(itsChannel, List.of(text("wamid.unpriced", CUSTOMER, START, "Hi")), List.of());

        Response first = unpriced.webhook(delivery);
        unpriced.uploadRates(BRAZIL_RATES);
        Response again = unpriced.webhook(delivery);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.errorCode()).isEqualTo("unavailable");
        assertThat(again.status()).isEqualTo(200);
        assertThat(unpriced.get("/api/charges").json().path("charges")).hasSize(1);
    }

    @Test
    void aDeliveryForAnUnknownChannel_is200_andStoresNothing() {
        String unknown = "999000111222";

        Response answer = api.webhook(payload(unknown, List.of(text("wamid.nowhere", CUSTOMER, START, "Hi")),
                List.of()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from messages where wamid = 'wamid.nowhere'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from processed_events where event_key like '%wamid.nowhere%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void statuses_moveAMessageForwardOnly_whateverTheirOrder() {
        connector.holdReports();
        api.webhook(inbound("wamid.hello", START));
        String sent = api.sendText(channel, CUSTOMER, "Hello back").json().path("messages").path(0).path("id")
                .asString();

        api.webhook(payload(channel, List.of(), List.of(status(sent, "read", START.plusSeconds(5), CUSTOMER))));
        assertThat(state(sent)).isEqualTo("read");
        api.webhook(payload(channel, List.of(), List.of(status(sent, "delivered", START.plusSeconds(4), CUSTOMER),
                status(sent, "failed", START.plusSeconds(6), CUSTOMER))));

        assertThat(state(sent)).isEqualTo("read");
        assertThat(charges()).hasSize(1);
    }

    @Test
    void aFailedTemplate_isReversedByANegativeRow_once_andItsSessionEnds() {
        connector.holdReports();
        api.approvedTemplate("welcome", "en", "marketing", "Welcome to our store!");
        String wamid = api.sendTemplate(channel, CUSTOMER, "welcome", "en").json().path("messages").path(0)
                .path("id").asString();
        String failed = payload(channel, List.of(), List.of(status(wamid, "sent", START.plusSeconds(1), CUSTOMER),
                status(wamid, "failed", START.plusSeconds(2), CUSTOMER)));

        assertThat(api.webhook(failed).status()).isEqualTo(200);
        assertThat(api.webhook(failed).status()).isEqualTo(200);

        assertThat(charges()).extracting(charge -> charge.path("amount").asString() + " "
                + charge.path("cause").asString()).containsExactly("0.0625 " + wamid + ":charge",
                        "-0.0625 " + wamid + ":reversal");
        assertThat(state(wamid)).isEqualTo("failed");
        assertThat(window().path("session").path("status").asString()).isEqualTo("ended");
        assertThat(jdbc.sql("select error_code from messages where wamid = :wamid").param("wamid", wamid)
                .query(Integer.class).single()).isEqualTo(131026);
    }

    @Test
    void aStatusForAMessageJanelaDidNotSend_isAcceptedAndIgnored() {
        Response answer = api.webhook(payload(channel, List.of(), List.of(status("wamid.foreign", "delivered", START,
                CUSTOMER))));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(charges()).isEmpty();
    }

    @Test
    void theSandbox_reportsSentDeliveredAndRead_throughTheStatusPath() {
        api.webhook(inbound("wamid.sandbox", START));

        String wamid = api.sendText(channel, CUSTOMER, "Hi").json().path("messages").path(0).path("id").asString();

        assertThat(connector.delivered()).containsExactly(wamid);
        assertThat(state(wamid)).isEqualTo("read");
        assertThat(jdbc.sql("select event_key from processed_events where event_key like :key order by event_key")
                .param("key", "status:" + wamid + ":%").query(String.class).list()).containsExactly(
                        "status:" + wamid + ":delivered", "status:" + wamid + ":read", "status:" + wamid + ":sent");
    }

    private String inbound(String wamid, Instant at) {
        return payload(channel, List.of(text(wamid, CUSTOMER, at, "Hello")), List.of());
    }

    private Response handshake(String mode, String token, String challenge) {
        StringBuilder query = new StringBuilder("/webhooks/whatsapp?");
        append(query, "hub.mode", mode);
        append(query, "hub.verify_token", token);
        append(query, "hub.challenge", challenge);
        return api.exchange(HttpRequest.newBuilder(api.base().resolve(query.toString())).GET());
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }

    private JsonNode window() {
        return api.get("/api/channels/" + channel + "/conversations/" + CUSTOMER + "/window").json();
    }

    private List<JsonNode> charges() {
        return api.get("/api/charges").json().path("charges").valueStream().toList();
    }

    private long messageCount() {
        return jdbc.sql("select count(*) from messages where account_id = :account").param("account",
                api.accountId()).query(Long.class).single();
    }

    private boolean referral(String wamid) {
        return jdbc.sql("select referral from messages where account_id = :account and wamid = :wamid")
                .param("account", api.accountId()).param("wamid", wamid).query(Boolean.class).single();
    }

    private String state(String wamid) {
        return jdbc.sql("select state from messages where wamid = :wamid").param("wamid", wamid).query(String.class)
                .single();
    }
}
