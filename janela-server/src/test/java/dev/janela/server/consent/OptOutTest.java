package dev.janela.server.consent;

import static dev.janela.server.testfixtures.Api.templateMessage;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Marketing opt-out end to end: a stop word a customer writes, Meta's {@code user_preferences}, an integration
 * through the API; each change recorded once, with its source; and a marketing template to a customer opted out
 * refused as Meta refuses it, while other sends go on.
 */
@JanelaServerTest
class OptOutTest {
    private static final String CUSTOMER = "5511987650071";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private JdbcClient jdbc;

    private Api api;
    private String channel;
    private int wamids;

    @BeforeEach
    void accountWithTemplates() {
        api = server.anAccount()
                .withApprovedTemplate("offer", "en", "marketing", "Hello, see our {{1}}!")
                .withApprovedTemplate("order_update", "en", "utility", "Your order {{1}} ships.").build();
        channel = api.channel();
    }

    @Test
    void aStopWord_withAccentsCaseAndPunctuation_optsTheCustomerOut() {
        customerWrites("  Párar! ");

        JsonNode marketing = marketing();
        assertThat(marketing.path("opted_out").asBoolean()).isTrue();
        assertThat(marketing.path("opted_out_at").asString()).isEqualTo("2026-03-02T09:00:00.000000Z");
        assertThat(marketing.path("last_change").path("source").asString()).isEqualTo("stop_word");
        assertThat(marketing.path("last_change").path("detail").asString()).isEqualTo("PARAR");
    }

    @Test
    void aSecondStopWord_recordsNothingNew() {
        customerWrites("STOP");
        customerWrites("sair");

        assertThat(marketing().path("history")).hasSize(1);
        assertThat(marketing().path("history").path(0).path("detail").asString()).isEqualTo("STOP");
    }

    @Test
    void aSentenceWithAStopWord_optsNobodyOut() {
        customerWrites("Please do not stop sending me offers");
        customerWrites("STOP STOP");

        assertThat(marketing().path("opted_out").asBoolean()).isFalse();
        assertThat(marketing().path("history")).isEmpty();
    }

    @Test
    void theAccountsOwnWords_replaceTheDefaults_andNoneMeansNone() {
        Response set = api.patch("/api/settings", Map.of("stop_words", Map.of("en", List.of("Halt"), "pt",
                List.of())));
        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(set.json().path("stop_words_are_defaults").asBoolean()).isFalse();

        customerWrites("STOP");
        assertThat(marketing().path("opted_out").asBoolean()).as("STOP is no longer a stop word").isFalse();
        customerWrites("halt.");
        assertThat(marketing().path("last_change").path("detail").asString()).isEqualTo("Halt");
    }

    @Test
    void anAccountWithNoWords_optsNobodyOut_untilItTakesTheDefaultsBack() {
        api.patch("/api/settings", Map.of("stop_words", Map.of()));
        customerWrites("STOP");
        assertThat(marketing().path("opted_out").asBoolean()).isFalse();

        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("stop_words", null);
        Response back = api.patch("/api/settings", defaults);
        customerWrites("STOP");

        assertThat(back.json().path("stop_words_are_defaults").asBoolean()).isTrue();
        assertThat(back.json().path("stop_words").path("pt").valueStream().map(JsonNode::asString))
                .containsExactly("PARAR", "SAIR", "CANCELAR");
        assertThat(marketing().path("opted_out").asBoolean()).isTrue();
    }

    @Test
    void aMarketingTemplate_toACustomerOptedOut_isRefusedWith131050_andNothingIsStored() {
        customerWrites("STOP");
        int charges = api.get("/api/charges").json().path("charges").size();

        Response refused = api.send(channel, templateMessage(CUSTOMER, "offer", "en", "sale"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("131050");
        assertThat(refused.json().path("error").path("message").asString()).contains("opted out of marketing");
        assertThat(outbound()).isZero();
        assertThat(api.get("/api/charges").json().path("charges").size()).isEqualTo(charges);
    }

    @Test
    void aCustomerOptedOut_stillGetsUtilityTemplatesAndReplies() {
        customerWrites("STOP");

        Response utility = api.send(channel, templateMessage(CUSTOMER, "order_update", "en", "#42"));
        Response reply = api.sendText(channel, "+" + CUSTOMER, "Done, no more offers.");

        assertThat(utility.status()).as("%s", utility).isEqualTo(200);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(outbound()).isEqualTo(2);
    }

    @Test
    void theApi_optsACustomerBackIn_withWhoDidIt_onceOnly() {
        customerWrites("STOP");
        clock.advance(Duration.ofHours(1));

        Response back = api.put(path(), Map.of("opted_out", false));
        api.put(path(), Map.of("opted_out", false));

        assertThat(back.status()).as("%s", back).isEqualTo(200);
        assertThat(back.json().path("opted_out").asBoolean()).isFalse();
        assertThat(back.json().path("opted_out_at").isNull()).isTrue();
        assertThat(marketing().path("history")).hasSize(2);
        assertThat(marketing().path("history").path(0).path("source").asString()).isEqualTo("api");
        assertThat(marketing().path("history").path(0).path("detail").asString()).isEqualTo("test admin");
        assertThat(api.send(channel, templateMessage(CUSTOMER, "offer", "en", "sale")).status()).isEqualTo(200);
    }

    @Test
    void theApi_refusesABodyWithoutTheState_andAnUnknownCustomer() {
        customerWrites("Hi");

        Response noState = api.put(path(), Map.of("optedOut", true));
        Response unknown = api.get("/api/customers/5511900000000/marketing");
        Response optedInUnknown = api.put("/api/customers/5511900000000/marketing", Map.of("opted_out", false));
        Response notANumber = api.get("/api/customers/12/marketing");

        assertThat(noState.status()).isEqualTo(400);
        assertThat(noState.json().path("fields").path(0).path("field").asString()).isEqualTo("opted_out");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(optedInUnknown.status()).isEqualTo(404);
        assertThat(notANumber.status()).isEqualTo(400);
    }

    @Test
    void aNumberNeverSeen_mayBeOptedOut_andNoMarketingTemplateReachesIt() {
        Response marked = api.put("/api/customers/%2B5521988880077/marketing", Map.of("opted_out", true));

        Response refused = api.send(channel, templateMessage("5521988880077", "offer", "en", "sale"));

        assertThat(marked.status()).as("%s", marked).isEqualTo(200);
        assertThat(marked.json().path("customer").asString()).isEqualTo("5521988880077");
        assertThat(refused.errorCode()).isEqualTo("131050");
    }

    @Test
    void metasStop_forACustomerJanelaNeverSaw_optsThemOut() {
        api.webhook(preferences("stop", clock.instant()));

        assertThat(marketing().path("opted_out").asBoolean()).isTrue();
        assertThat(marketing().path("last_change").path("source").asString()).isEqualTo("meta");
    }

    @Test
    void metasCapabilityUpdate_forAnUnknownBusinessAccount_changesNoAccount() {
        api.webhook(capability("999000111", Map.of("max_daily_conversations_per_business", 250)));

        assertThat(api.get("/api/settings").json().path("messaging_limit").isNull()).isTrue();
    }

    @Test
    void anAgent_marksACustomer_butAnAnalystMayNot() {
        customerWrites("Hi");
        Api agent = api.addUser("agent." + UUID.randomUUID() + "@example.com", "agent");
        Api analyst = api.addUser("analyst." + UUID.randomUUID() + "@example.com", "analyst");

        Response marked = agent.put(path(), Map.of("opted_out", true));

        assertThat(marked.status()).as("%s", marked).isEqualTo(200);
        assertThat(marked.json().path("last_change").path("detail").asString()).startsWith("agent.");
        assertThat(analyst.put(path(), Map.of("opted_out", false)).status()).isEqualTo(403);
    }

    @Test
    void metasUserPreferences_stopAndResumeMarketing_andAStaleOneIsIgnored() {
        customerWrites("Hi");
        Instant stopped = clock.instant().plusSeconds(60);

        api.webhook(preferences("stop", stopped));
        assertThat(marketing().path("opted_out").asBoolean()).isTrue();
        assertThat(marketing().path("last_change").path("source").asString()).isEqualTo("meta");
        assertThat(marketing().path("last_change").path("detail").asString()).isEqualTo("User requested to stop");

        api.webhook(preferences("resume", stopped.plusSeconds(60)));
        api.webhook(preferences("stop", stopped.plusSeconds(30)));

        assertThat(marketing().path("opted_out").asBoolean()).isFalse();
        assertThat(marketing().path("history")).hasSize(2);
    }

    @Test
    void metasCapabilityUpdate_setsTheMessagingLimit_unlimitedClearsIt_andAnotherCapabilityLeavesIt() {
        String wabaId = "3210" + api.accountId();
        jdbc.sql("update accounts set waba_id = :waba where id = :id").param("waba", wabaId)
                .param("id", api.accountId()).update();

        api.webhook(capability(wabaId, Map.of("max_daily_conversations_per_business", 2000)));
        assertThat(api.get("/api/settings").json().path("messaging_limit").asInt()).isEqualTo(2000);
        api.webhook(capability(wabaId, Map.of("max_daily_conversation_per_phone", "10000")));
        assertThat(api.get("/api/settings").json().path("messaging_limit").asInt()).isEqualTo(10000);
        api.webhook(capability(wabaId, Map.of("max_phone_numbers_per_business", 20)));
        assertThat(api.get("/api/settings").json().path("messaging_limit").asInt()).isEqualTo(10000);

        api.webhook(capability(wabaId, Map.of("max_daily_conversations_per_business", "UNLIMITED")));

        assertThat(api.get("/api/settings").json().path("messaging_limit").isNull()).isTrue();
    }

    private void customerWrites(String body) {
        Response delivered = api.webhook(payload(channel, List.of(text("wamid.optout." + ++wamids, CUSTOMER,
                clock.instant(), body)), List.of()));
        assertThat(delivered.status()).as("%s", delivered).isEqualTo(200);
    }

    private String preferences(String value, Instant at) {
        Map<String, Object> preference = Map.of("wa_id", CUSTOMER, "detail", value.equals("stop")
                ? "User requested to stop" : "User requested to resume", "category", "marketing_messages",
                "value", value, "timestamp", at.getEpochSecond());
        Map<String, Object> change = Map.of("field", "user_preferences", "value", Map.of(
                "messaging_product", "whatsapp",
                "metadata", Map.of("display_phone_number", "15550783881", "phone_number_id", channel),
                "contacts", List.of(Map.of("wa_id", CUSTOMER, "profile", Map.of("name", "Ana"))),
                "user_preferences", List.of(preference)));
        return payload(List.of(change));
    }

    private static String capability(String wabaId, Map<String, Object> value) {
        Map<String, Object> entry = Map.of("id", wabaId, "time", 1_767_000_000, "changes",
                List.of(Map.of("field", "business_capability_update", "value", value)));
        return JSON.writeValueAsString(Map.of("object", "whatsapp_business_account", "entry", List.of(entry)));
    }

    private String path() {
        return "/api/customers/" + CUSTOMER + "/marketing";
    }

    private JsonNode marketing() {
        Response answer = api.get(path());
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private long outbound() {
        return jdbc.sql("select count(*) from messages where account_id = :account and direction = 'out'")
                .param("account", api.accountId()).query(Long.class).single();
    }
}
