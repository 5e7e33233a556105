package dev.janela.server.send;

import static dev.janela.server.testfixtures.Api.templateMessage;
import static dev.janela.server.testfixtures.Api.textMessage;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.AllAtOnce;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestConnector;
import dev.janela.server.testfixtures.TestServer;
import java.net.http.HttpRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /v1/{phone_number_id}/messages}: Meta's bodies, Meta's errors, and {@code Idempotency-Key}. */
@JanelaServerTest
class SendTest {
    private static final String CUSTOMER = "5521987650004";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private TestConnector connector;
    @Autowired
    private JdbcClient jdbc;

    private Api api;

    @Autowired
    private IdempotencyKeys keys;

    private String channel;

    @BeforeEach
    void channelWithRatesAndTemplates() {
        api = server.anAccount()
                .withApprovedTemplate("order_update", "en", "utility", "Your order {{1}} ships on {{2}}.")
                .withApprovedTemplate("greeting", "en", "marketing", "Hello {{name}}, see our {{offer}}!").build();
        channel = api.channel();
    }

    @Test
    void aTextInsideTheWindow_isAnsweredAsMetaAnswers() {
        customerWrites("wamid.open");

        Response sent = api.sendText(channel, "+" + CUSTOMER, "Hello");

        assertThat(sent.status()).isEqualTo(200);
        JsonNode body = sent.json();
        assertThat(body.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(body.path("contacts").path(0).path("input").asString()).isEqualTo("+" + CUSTOMER);
        assertThat(body.path("contacts").path(0).path("wa_id").asString()).isEqualTo(CUSTOMER);
        assertThat(body.path("messages").path(0).path("id").asString()).startsWith("wamid.");
        assertThat(body.path("messages").path(0).has("message_status")).isFalse();
        assertThat(messages("out")).isEqualTo(1);
    }

    @Test
    void aTemplate_isAccepted_underAnyVersionPath_andRecordsItsAuthor() {
        Response sent = api.post("/v23.0/" + channel + "/messages", templateMessage(CUSTOMER, "order_update", "en",
                "#42", "Friday"));

        assertThat(sent.status()).as("%s", sent).isEqualTo(200);
        assertThat(sent.json().path("messages").path(0).path("message_status").asString()).isEqualTo("accepted");
        String wamid = sent.json().path("messages").path(0).path("id").asString();
        assertThat(jdbc.sql("select body || ' by ' || author from messages where wamid = :wamid")
                .param("wamid", wamid).query(String.class).single()).isEqualTo("Your order #42 ships on Friday. by"
                        + " test admin");
    }

    @Test
    void aNamedTemplate_takesItsValuesByName_inAnyOrder() {
        Map<String, Object> message = Map.of("messaging_product", "whatsapp", "to", CUSTOMER, "type", "template",
                "template", Map.of("name", "greeting", "language", Map.of("code", "en"), "components",
                        List.of(Map.of("type", "body", "parameters", List.of(
                                Map.of("type", "text", "parameter_name", "offer", "text", "sale"),
                                Map.of("type", "text", "parameter_name", "name", "text", "Ana"))))));

        Response sent = api.send(channel, message);

        assertThat(sent.status()).as("%s", sent).isEqualTo(200);
        assertThat(jdbc.sql("select body from messages where account_id = :account and direction = 'out'")
                .param("account", api.accountId()).query(String.class).single())
                .isEqualTo("Hello Ana, see our sale!");
    }

    static Stream<Arguments> freeForm() {
        return Stream.of(
                Arguments.of("image", Map.of("link", "https://example.com/a.jpg")),
                Arguments.of("audio", Map.of("id", "1013859600285441")),
                Arguments.of("video", Map.of("link", "https://example.com/a.mp4")),
                Arguments.of("document", Map.of("link", "https://example.com/a.pdf", "filename", "a.pdf")),
                Arguments.of("location", Map.of("latitude", -22.9, "longitude", -43.2)),
                Arguments.of("interactive", Map.of("type", "button", "body", Map.of("text", "Pick one"))));
    }

    @ParameterizedTest
    @MethodSource("freeForm")
    void everyFreeFormType_isSentInsideTheWindow_andRefusedWith131047Outside(String type,
            Map<String, Object> content) {
        Map<String, Object> message = Map.of("messaging_product", "whatsapp", "to", CUSTOMER, "type", type, type,
                content);

        Response outside = api.send(channel, message);
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.errorCode()).isEqualTo("131047");
        assertThat(messages("out")).isZero();

        customerWrites("wamid.in-" + type);
        Response inside = api.send(channel, message);
        assertThat(inside.status()).as("%s", inside).isEqualTo(200);
        assertThat(charges()).hasSize(1);
    }

    @Test
    void outsideTheWindow_freeFormIsRefusedInMetasEnvelope_andNothingIsStoredOrCharged() {
        Response refused = api.sendText(channel, CUSTOMER, "Hello?");

        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json().path("error");
        assertThat(error.path("message").asString()).isEqualTo("(#131047) Re-engagement message");
        assertThat(error.path("type").asString()).isEqualTo("OAuthException");
        assertThat(error.path("code").asInt()).isEqualTo(131047);
        assertThat(error.path("error_data").path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(error.path("error_data").path("details").asString()).contains("24 hours");
        assertThat(error.path("fbtrace_id").asString()).isNotEmpty();
        assertThat(messages("out")).isZero();
        assertThat(charges()).isEmpty();
        assertThat(connector.delivered()).isEmpty();
    }

    @Test
    void aTemplateThatIsUnknown_notApproved_orNotInThatLanguage_is132001() {
        api.post("/api/templates", Map.of("name", "pending_one", "language", "en", "category", "utility", "body",
                "Hi"));
        long rejected = api.post("/api/templates", Map.of("name", "rejected_one", "language", "en", "category",
                "utility", "body", "Hi")).json().path("id").asLong();
        api.post("/api/templates/" + rejected + "/reject", Map.of("reason", "too short"));

        for (Map<String, Object> message : List.of(templateMessage(CUSTOMER, "no_such_template", "en"),
                templateMessage(CUSTOMER, "pending_one", "en"), templateMessage(CUSTOMER, "rejected_one", "en"),
                templateMessage(CUSTOMER, "order_update", "pt_BR", "#42", "sexta"))) {
            Response refused = api.send(channel, message);
            assertThat(refused.status()).as("%s", message).isEqualTo(404);
            assertThat(refused.errorCode()).isEqualTo("132001");
        }
        assertThat(charges()).isEmpty();
    }

    @Test
    void anotherAccountsTemplate_is132001() {
        Api other = server.newAccount();
        other.approvedTemplate("their_template", "en", "utility", "Theirs");

        assertThat(api.send(channel, templateMessage(CUSTOMER, "their_template", "en")).errorCode())
                .isEqualTo("132001");
    }

    @Test
    void aTemplateThatCannotBePriced_is131042_andNothingIsSent() {
        Api unpriced = server.anAccount().withoutRates()
                .withApprovedTemplate("welcome", "en", "marketing", "Welcome!").build();
        String itsChannel = unpriced.channel();

        Response refused = unpriced.sendTemplate(itsChannel, CUSTOMER, "welcome", "en");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("131042");
        assertThat(refused.json().path("error").path("error_data").path("details").asString())
                .contains("rate card");
        assertThat(connector.delivered()).isEmpty();
    }

    @Test
    void theWrongNumberOfParameters_is132000() {
        assertThat(api.sendTemplate(channel, CUSTOMER, "order_update", "en", "#42").errorCode()).isEqualTo("132000");
        assertThat(api.sendTemplate(channel, CUSTOMER, "order_update", "en", "#42", "Friday", "extra").errorCode())
                .isEqualTo("132000");
        assertThat(api.sendTemplate(channel, CUSTOMER, "greeting", "en", "Ana", "sale").errorCode())
                .as("named parameters given without their names").isEqualTo("132000");
        assertThat(charges()).isEmpty();
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("{\"messaging_product\":\"whatsapp\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}",
                        131008, "to or recipient is required"),
                Arguments.of("{\"messaging_product\":\"whatsapp\",\"to\":\"5521987650004\",\"type\":\"text\"}",
                        131008, "text is required"),
                Arguments.of("{\"messaging_product\":\"whatsapp\",\"to\":\"5521987650004\",\"type\":\"text\","
                        + "\"text\":{}}", 131008, "text.body is required"),
                Arguments.of("{\"messaging_product\":\"whatsapp\",\"to\":\"5521987650004\",\"type\":\"image\","
                        + "\"image\":{}}", 131008, "image needs an id or a link"),
                Arguments.of("{\"to\":\"5521987650004\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}", 131008,
                        "messaging_product is required"),
                Arguments.of("{\"messaging_product\":\"sms\",\"to\":\"5521987650004\",\"type\":\"text\","
                        + "\"text\":{\"body\":\"x\"}}", 131009, "messaging_product must be whatsapp"),
                Arguments.of("{\"messaging_product\":\"whatsapp\",\"to\":\"5521987650004\",\"type\":\"fax\","
                        + "\"fax\":{}}", 131009, "type fax"),
                Arguments.of("{\"messaging_product\":\"whatsapp\",\"to\":\"5521987650004\",\"type\":\"text\","
                        + "\"text\":{\"body\":\"" + "x".repeat(4097) + "\"}}", 131009, "at most 4096"),
                Arguments.of("{\"messaging_product\":\"whatsapp\",\"to\":\"5521987650004\",\"type\":\"text\","
                        + "\"text\":{\"body\":\"x\"},\"biz_opaque_callback_data\":\"" + "x".repeat(513) + "\"}", 131009,
                        "biz_opaque_callback_data must be text of at most 512"),
                Arguments.of("{\"messaging_product\":\"whatsapp\",\"to\":\"not a number\",\"type\":\"text\","
                        + "\"text\":{\"body\":\"x\"}}", 100, "to "),
                Arguments.of("{\"messaging_product\":\"whatsapp\",\"to\":\"+0\",\"type\":\"text\","
                        + "\"text\":{\"body\":\"x\"}}", 100, "to "),
                Arguments.of("{\"messaging_product\":\"whatsapp\",\"to\":\"5521987650004\",\"type\":\"template\","
                        + "\"template\":{\"name\":\"order_update\",\"language\":\"en\"}}", 131009,
                        "template.language must be an object such as {\"code\":\"en_US\"}"),
                Arguments.of("{\"messaging_product\":", 100, "not valid JSON"),
                Arguments.of("[1,2]", 100, "JSON object"),
                Arguments.of("", 100, "no body"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void anInvalidRequest_isRefusedWithMetasCode_andSaysWhy(String body, int code, String details) {
        customerWrites("wamid.window");

        Response refused = api.send(channel, body);

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.json().path("error").path("code").asInt()).isEqualTo(code);
        assertThat(refused.json().path("error").path("error_data").path("details").asString()).contains(details);
        assertThat(messages("out")).isZero();
    }

    @Test
    void aBodyOverOneMebibyte_is413_inMetasEnvelope() {
        String huge = "{\"messaging_product\":\"whatsapp\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}";

        Response refused = api.send(channel, huge);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().path("error").path("code").asInt()).isEqualTo(100);
    }

    @Test
    void aFormBody_isRefused_sayingToSendJson_whileOneWithoutContentType_isReadAsJson() {
        customerWrites("wamid.window");
        String body = "{\"messaging_product\":\"whatsapp\",\"to\":\"" + CUSTOMER + "\",\"type\":\"text\","
                + "\"text\":{\"body\":\"x\"}}";

        Response asCurlSendsIt = api.post("/v1/" + channel + "/messages", "application/x-www-form-urlencoded", body);
        Response bare = api.exchange(api.authorized("/v1/" + channel + "/messages")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(asCurlSendsIt.status()).as("%s", asCurlSendsIt).isEqualTo(400);
        assertThat(asCurlSendsIt.json().path("error").path("code").asInt()).isEqualTo(100);
        assertThat(asCurlSendsIt.json().path("error").path("error_data").path("details").asString())
                .isEqualTo("the request's Content-Type is application/x-www-form-urlencoded; send the body with"
                        + " Content-Type: application/json");
        assertThat(bare.status()).as("%s", bare).isEqualTo(200);
        assertThat(messages("out")).isEqualTo(1);
    }

    @Test
    void withoutAValidToken_is401_inMetasEnvelope() {
        Response noToken = api.exchange(HttpRequest.newBuilder(api.base().resolve("/v1/" + channel + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        Response wrongToken = api.exchange(HttpRequest.newBuilder(api.base().resolve("/v1/" + channel + "/messages"))
                .header("Authorization", "Bearer jnl_not_a_token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        for (Response refused : List.of(noToken, wrongToken)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().path("error").path("code").asInt()).isEqualTo(190);
            assertThat(refused.body()).doesNotContain("jnl_not_a_token");
        }
    }

    @Test
    void anUnknownChannel_orAnotherAccounts_is404() {
        String theirs = server.newAccount().addChannel();

        for (String phoneNumberId : List.of("123123123", theirs)) {
            Response refused = api.sendText(phoneNumberId, CUSTOMER, "Hello");
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.json().path("error").path("code").asInt()).isEqualTo(100);
        }
    }

    @Test
    void theSameKeyAndBody_returnsTheFirstAnswer_andChargesOnce() {
        Map<String, Object> message = templateMessage(CUSTOMER, "order_update", "en", "#42", "Friday");

        Response first = api.send(channel, message, "order-42-shipped");
        clock.advance(Duration.ofHours(30));
        Response again = api.send(channel, message, "order-42-shipped");

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(charges()).hasSize(1);
        assertThat(messages("out")).isEqualTo(1);
        assertThat(connector.delivered()).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBody_is422_andSendsNothing() {
        api.send(channel, templateMessage(CUSTOMER, "order_update", "en", "#42", "Friday"), "order-42");

        Response reused = api.send(channel, templateMessage(CUSTOMER, "order_update", "en", "#43", "Friday"),
                "order-42");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("error").path("code").asInt()).isEqualTo(100);
        assertThat(messages("out")).isEqualTo(1);
    }

    @Test
    void aKeyInFlight_is409_untilItIsAbandoned() {
        Map<String, Object> message = templateMessage(CUSTOMER, "order_update", "en", "#42", "Friday");
        String hash = sha256(message);
        keys.claim(api.accountId(), "in-flight", hash);

        Response busy = api.send(channel, message, "in-flight");
        assertThat(busy.status()).isEqualTo(409);
        assertThat(messages("out")).isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(api.send(channel, message, "in-flight").status()).isEqualTo(200);
        assertThat(charges()).hasSize(1);
    }

    @Test
    void aRefusal_isTheKeysAnswer_too() {
        Response first = api.send(channel, textMessage(CUSTOMER, "Hello"), "hello-1");
        customerWrites("wamid.later");
        Response again = api.send(channel, textMessage(CUSTOMER, "Hello"), "hello-1");

        assertThat(first.errorCode()).isEqualTo("131047");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(messages("out")).isZero();
    }

    @Test
    void keysBelongToTheirAccount() {
        Api other = server.anAccount()
                .withApprovedTemplate("order_update", "en", "utility", "Your order {{1}} ships on {{2}}.").build();
        String theirChannel = other.channel();
        Map<String, Object> message = templateMessage(CUSTOMER, "order_update", "en", "#42", "Friday");

        Response ours = api.send(channel, message, "shared-key");
        Response theirs = other.send(theirChannel, message, "shared-key");

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.json().path("messages").path(0).path("id").asString())
                .isNotEqualTo(ours.json().path("messages").path(0).path("id").asString());
    }

    @Test
    void concurrentRetriesWithOneKey_sendAndChargeOnce() throws Exception {
        Map<String, Object> message = templateMessage(CUSTOMER, "order_update", "en", "#42", "Friday");

        List<Response> answers = AllAtOnce.run(8, () -> api.send(channel, message, "retried"));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isIn(200, 409));
        List<String> ids = answers.stream().filter(answer -> answer.status() == 200)
                .map(answer -> answer.json().path("messages").path(0).path("id").asString()).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(charges()).hasSize(1);
        assertThat(messages("out")).isEqualTo(1);
    }

    @Test
    void sendsAtTheSameTime_eachGetTheirOwnAnswer_andOnlyTheAcceptedAreStored() throws Exception {
        List<Callable<Response>> sends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String customer = "55219876511" + (10 + i);
            String order = "#" + i;
            sends.add(() -> api.send(channel, templateMessage(customer, "order_update", "en", order, "Friday")));
            sends.add(() -> api.send(channel, textMessage(customer + "9", "Hello")));
            sends.add(() -> api.send(channel, templateMessage(customer + "8", "order_update", "en", "#42")));
        }

        List<Response> answers = AllAtOnce.run(sends);

        for (int i = 0; i < answers.size(); i += 3) {
            assertThat(answers.get(i).status()).as("%s", answers.get(i)).isEqualTo(200);
            assertThat(answers.get(i + 1).errorCode()).as("free-form outside the window").isEqualTo("131047");
            assertThat(answers.get(i + 2).errorCode()).as("a parameter short").isEqualTo("132000");
        }
        assertThat(charges()).hasSize(8);
        assertThat(messages("out")).isEqualTo(8);
        assertThat(jdbc.sql("select count(*) from customers where account_id = :account")
                .param("account", api.accountId()).query(Long.class).single())
                .as("no customer is kept for a refused send").isEqualTo(8);
    }

    private void customerWrites(String wamid) {
        Response delivered = api.webhook(payload(channel, List.of(text(wamid, CUSTOMER, clock.instant(), "Hi")),
                List.of()));
        assertThat(delivered.status()).isEqualTo(200);
    }

    private List<JsonNode> charges() {
        return api.get("/api/charges").json().path("charges").valueStream().toList();
    }

    private long messages(String direction) {
        return jdbc.sql("select count(*) from messages where account_id = :account and direction = :direction")
                .param("account", api.accountId()).param("direction", direction).query(Long.class).single();
    }

    /** The hash Janela keeps of a request's bytes, from the bytes the test client sends. */
    private static String sha256(Map<String, Object> message) {
        try {
            byte[] body = JsonMapper.builder().build().writeValueAsBytes(message);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
