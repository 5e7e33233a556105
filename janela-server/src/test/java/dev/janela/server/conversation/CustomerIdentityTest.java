package dev.janela.server.conversation;

import static dev.janela.server.testfixtures.TestServer.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.AllAtOnce;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customers known by a business-scoped user ID, with or without a phone number, in Meta's 2026 webhook shapes:
 * one customer however many identifiers it shows, over HTTP, on each store.
 */
@JanelaServerTest
class CustomerIdentityTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BSUID = "BR.1502512345678901";
    private static final String PARENT = "BR.ENT.8819021733";
    private static final String PHONE = "5521988887777";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private JdbcClient jdbc;

    private Api api;
    private String channel;

    @BeforeEach
    void channel() {
        api = server.anAccount().build();
        channel = api.channel();
        clock.set(START);
    }

    @Test
    void aCustomerKnownOnlyByABsuid_writes_isCharged_seesTheWindow_andIsAnsweredByRecipient() {
        Response delivered = api.webhook(messages(message("wamid.b1", null, BSUID, START, null)));

        assertThat(delivered.status()).isEqualTo(200);
        assertThat(customers()).isEqualTo(1);
        JsonNode charges = api.get("/api/charges").json().path("charges");
        assertThat(charges).hasSize(1);
        assertThat(charges.get(0).path("customer").asString()).isEqualTo(BSUID);
        assertThat(charges.get(0).path("market").asString()).isEqualTo("BR");
        JsonNode window = api.get(windowPath(BSUID)).json();
        assertThat(window.path("open").asBoolean()).isTrue();
        JsonNode inbox = api.get("/api/channels/" + channel + "/conversations").json();
        assertThat(inbox.toString()).contains(BSUID).contains("@ana.souza");
        assertThat(api.get("/api/channels/" + channel + "/conversations?q=ana.souza").json()
                .path("conversations")).hasSize(1);

        Response answer = api.send(channel, Map.of("messaging_product", "whatsapp", "recipient_type", "individual",
                "recipient", BSUID, "type", "text", "text", Map.of("body", "Hello Ana")));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode contact = answer.json().path("contacts").get(0);
        assertThat(contact.path("input").asString()).isEqualTo(BSUID);
        assertThat(contact.path("user_id").asString()).isEqualTo(BSUID);
        assertThat(contact.has("wa_id")).isFalse();
        assertThat(api.get("/api/charges").json().path("charges")).hasSize(1);
    }

    @Test
    void aPhoneThatAppearsLater_joinsTheSameCustomer_oneWindow_oneCharge() {
        api.webhook(messages(message("wamid.b1", null, BSUID, START, null)));
        clock.set(START.plusSeconds(60));

        api.webhook(messages(message("wamid.b2", PHONE, BSUID, START.plusSeconds(60), null)));

        assertThat(customers()).isEqualTo(1);
        assertThat(conversations()).isEqualTo(1);
        assertThat(api.get("/api/charges").json().path("charges")).hasSize(1);
        JsonNode byPhone = api.get(windowPath(PHONE)).json();
        JsonNode byBsuid = api.get(windowPath(BSUID)).json();
        assertThat(byPhone.path("open").asBoolean()).isTrue();
        assertThat(byPhone.path("window_expires_at")).isEqualTo(byBsuid.path("window_expires_at"));
        assertThat(api.sendText(channel, "+" + PHONE, "Now by number").json().path("contacts").get(0)
                .path("user_id").asString()).isEqualTo(BSUID);
    }

    @Test
    void concurrentFirstMessages_byPhoneAndByBsuid_makeOneCustomer() throws Exception {
        List<Callable<Response>> deliveries = new ArrayList<>();
        for (int index = 0; index < 8; index++) {
            String phone = index % 2 == 0 ? PHONE : null;
            String wamid = "wamid.c" + index;
            deliveries.add(() -> api.webhook(messages(message(wamid, phone, BSUID, START, null))));
        }

        List<Response> answers = AllAtOnce.run(deliveries);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(200));
        assertThat(customers()).isEqualTo(1);
        assertThat(conversations()).isEqualTo(1);
        assertThat(api.get("/api/charges").json().path("charges")).hasSize(1);
    }

    @Test
    void aChangedNumber_midWindow_keepsTheCustomerItsWindowAndItsHistory() {
        api.webhook(messages(message("wamid.n1", PHONE, BSUID, START, null)));
        String windowBefore = api.get(windowPath(PHONE)).json().path("window_expires_at").asString();
        clock.set(START.plus(Duration.ofHours(2)));

        Response changed = api.webhook(messages(changedNumber("wamid.n2", PHONE, BSUID, "5521977776666",
                START.plus(Duration.ofHours(2)))));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(customers()).isEqualTo(1);
        JsonNode window = api.get(windowPath("5521977776666")).json();
        assertThat(window.path("open").asBoolean()).isTrue();
        assertThat(window.path("window_expires_at").asString()).isEqualTo(windowBefore);
        assertThat(api.get(windowPath(PHONE)).status()).isEqualTo(200);
        assertThat(api.get(windowPath(PHONE)).json().path("open").asBoolean())
                .as("the old number names nobody now").isFalse();
        api.webhook(messages(message("wamid.n3", "5521977776666", BSUID, START.plus(Duration.ofHours(3)), null)));
        assertThat(conversations()).isEqualTo(1);
        assertThat(api.get("/api/charges").json().path("charges")).hasSize(1);
        assertThat(api.get("/api/channels/" + channel + "/conversations/5521977776666/messages").json().toString())
                .contains("wamid.n1").contains("\"type\":\"system\"").contains("changed from " + PHONE)
                .contains("wamid.n3");
    }

    @Test
    void aRecycledNumber_passesToTheCustomerMetaNowGivesIt_andTheEarlierOneKeepsItsBsuid() {
        api.webhook(messages(message("wamid.r1", PHONE, BSUID, START, null)));

        api.webhook(messages(message("wamid.r2", PHONE, "BR.4400556677", START.plusSeconds(60), null)));

        assertThat(customers()).isEqualTo(2);
        assertThat(jdbc.sql("select user_id from customers where account_id = :account and phone = :phone")
                .param("account", api.accountId()).param("phone", PHONE).query(String.class).single())
                .isEqualTo("BR.4400556677");
        assertThat(jdbc.sql("select handle from customers where account_id = :account and user_id = :id")
                .param("account", api.accountId()).param("id", BSUID).query(String.class).single())
                .as("the earlier holder is named by its BSUID now").isEqualTo(BSUID);
    }

    @Test
    void aCustomerFromBeforeBsuids_keepsTheNumberItIsKnownBy() {
        api.webhook(messages(message("wamid.l1", PHONE, null, START, null)));
        api.webhook(messages(message("wamid.l2", null, BSUID, START.plusSeconds(60), null)));

        api.webhook(messages(message("wamid.l3", PHONE, BSUID, START.plusSeconds(120), null)));

        assertThat(customers()).isEqualTo(2);
        assertThat(jdbc.sql("select user_id from customers where account_id = :account and phone = :phone")
                .param("account", api.accountId()).param("phone", PHONE).query(String.class).optional())
                .as("the phone stays with the customer it is all that names").isEmpty();
        assertThat(conversations()).isEqualTo(2);
    }

    @Test
    void anAccountThatSaysAChangeEndsTheWindow_closesIt() {
        api.webhook(messages(message("wamid.n1", PHONE, BSUID, START, null)));
        Response setting = api.patch("/api/settings", Map.of("identity_change_keeps_window", false));
        assertThat(setting.status()).as("%s", setting).isEqualTo(200);
        assertThat(setting.json().path("identity_change_keeps_window").asBoolean()).isFalse();

        api.webhook(messages(changedUserId("wamid.u1", BSUID, "BR.7700112233", START.plusSeconds(600))));
        clock.set(START.plusSeconds(601));

        assertThat(customers()).isEqualTo(1);
        assertThat(api.get(windowPath("BR.7700112233")).json().path("open").asBoolean()).isFalse();
        assertThat(api.sendText(channel, "+" + PHONE, "Still there?").errorCode()).isEqualTo("131047");
    }

    @Test
    void aParentBsuid_namesTheCustomer_andCanBeSentTo() {
        api.webhook(messages(message("wamid.p1", null, BSUID, START, PARENT)));

        Response answer = api.send(channel, Map.of("messaging_product", "whatsapp", "recipient", PARENT,
                "type", "text", "text", Map.of("body", "Hello")));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(customers()).isEqualTo(1);
        assertThat(conversations()).isEqualTo(1);
        assertThat(api.get(windowPath(PARENT)).json().path("open").asBoolean()).isTrue();
    }

    @Test
    void aBsuidOfAPlusOneCountry_withoutAPhone_isPricedInTheCountryItsPrefixNames() {
        api = server.anAccount().withoutRates().build();
        channel = api.channel();
        api.uploadRates("market,category,price,currency\nDO,user_initiated,0.0100,USD\n"
                + "*,user_initiated,0.0200,USD\n*,business_initiated,0.0500,USD\n");
        jdbc.sql("update accounts set market_basis = 'recipient', plan_version = plan_version + 1 where id = :id")
                .param("id", api.accountId()).update();

        api.webhook(messages(message("wamid.do1", null, "DO.9911223344", START, null)));

        JsonNode charge = api.get("/api/charges").json().path("charges").get(0);
        assertThat(charge.path("market").asString()).isEqualTo("DO");
        assertThat(charge.path("amount").asString()).isEqualTo("0.0100");
    }

    @Test
    void aCustomersCall_reopensAClosedWindow_andShowsInTheConversation() {
        api.webhook(messages(message("wamid.k1", PHONE, BSUID, START, null)));
        Instant later = START.plus(Duration.ofHours(30));
        clock.set(later);
        assertThat(api.get(windowPath(PHONE)).json().path("open").asBoolean()).isFalse();

        Response call = api.webhook(calls(later, "USER_INITIATED"));
        Response again = api.webhook(calls(later, "USER_INITIATED"));
        api.webhook(calls(later.plusSeconds(5), "BUSINESS_INITIATED"));

        assertThat(call.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(api.get(windowPath(PHONE)).json().path("open").asBoolean()).isTrue();
        assertThat(api.get("/api/charges").json().path("charges")).hasSize(2);
        assertThat(api.get("/api/channels/" + channel + "/conversations/" + PHONE + "/messages").json().toString())
                .contains("\"type\":\"call\"");
        assertThat(api.sendText(channel, "+" + PHONE, "Thanks for calling").status()).isEqualTo(200);
    }

    @Test
    void anAuthenticationTemplate_toABsuid_isRefusedWith131062_andChargesNothing() {
        api.approvedTemplate("login_code", "en", "authentication", "Your code is {{1}}. It expires in 10 minutes.");
        api.webhook(messages(message("wamid.a1", PHONE, BSUID, START, null)));

        Response refused = api.send(channel, Map.of("messaging_product", "whatsapp", "recipient", BSUID,
                "type", "template", "template", Map.of("name", "login_code", "language", Map.of("code", "en"),
                        "components", List.of(Map.of("type", "body", "parameters",
                                List.of(Map.of("type", "text", "text", "123456")))))));
        Response byNumber = api.send(channel, Map.of("messaging_product", "whatsapp", "to", PHONE,
                "recipient", BSUID, "type", "template", "template", Map.of("name", "login_code",
                        "language", Map.of("code", "en"), "components", List.of(Map.of("type", "body",
                                "parameters", List.of(Map.of("type", "text", "text", "123456")))))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("131062");
        assertThat(byNumber.status()).as("to wins over recipient: %s", byNumber).isEqualTo(200);
        assertThat(byNumber.json().path("contacts").get(0).path("input").asString()).isEqualTo(PHONE);
        assertThat(jdbc.sql("select count(*) from messages where account_id = :id and direction = 'out'")
                .param("id", api.accountId()).query(Long.class).single()).as("the refused send is not kept")
                .isEqualTo(1);
        assertThat(api.get("/api/charges").json().path("charges")).hasSize(1);
    }

    @Test
    void theSandbox_playsAUsernameCustomer_withoutAPhone() {
        Response played = api.post("/api/sandbox/" + channel + "/inbound",
                Map.of("user_id", BSUID, "username", "@ana.souza", "text", "Hi"));

        assertThat(played.status()).as("%s", played).isEqualTo(201);
        assertThat(played.json().path("user_id").asString()).isEqualTo(BSUID);
        assertThat(played.json().path("wa_id").isNull() || played.json().path("wa_id").isMissingNode()).isTrue();
        assertThat(api.get(windowPath(BSUID)).json().path("open").asBoolean()).isTrue();
        assertThat(jdbc.sql("select username from customers where account_id = :account and user_id = :id")
                .param("account", api.accountId()).param("id", BSUID).query(String.class).single())
                .isEqualTo("@ana.souza");
    }

    @Test
    void theUnversionedSendPath_isTheCloudApisToo() {
        api.webhook(messages(message("wamid.v1", PHONE, BSUID, START, null)));

        Response answer = api.post("/" + channel + "/messages", Api.textMessage(PHONE, "Hi"));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("messages").get(0).path("id").asString()).isNotEmpty();
    }

    private String windowPath(String customer) {
        return "/api/channels/" + channel + "/conversations/" + customer + "/window";
    }

    private long customers() {
        return jdbc.sql("select count(*) from customers where account_id = :id").param("id", api.accountId())
                .query(Long.class).single();
    }

    private long conversations() {
        return jdbc.sql("select count(*) from conversations where account_id = :id").param("id", api.accountId())
                .query(Long.class).single();
    }

    /** A customer's text as Meta sends it since 2026: {@code from} only when the number may be shared. */
    private static Map<String, Object> message(String wamid, String phone, String userId, Instant at, String parent) {
        Map<String, Object> message = new LinkedHashMap<>();
        if (phone != null) {
            message.put("from", phone);
        }
        if (userId != null) {
            message.put("from_user_id", userId);
        }
        if (parent != null) {
            message.put("from_parent_user_id", parent);
        }
        message.put("id", wamid);
        message.put("timestamp", Long.toString(at.getEpochSecond()));
        message.put("type", "text");
        message.put("text", Map.of("body", "Hi"));
        return message;
    }

    private static Map<String, Object> changedNumber(String wamid, String oldPhone, String userId, String newPhone,
            Instant at) {
        return Map.of("from", oldPhone, "from_user_id", userId, "id", wamid, "timestamp",
                Long.toString(at.getEpochSecond()), "type", "system", "system", Map.of("body",
                        "User Ana changed from " + oldPhone + " to " + newPhone, "wa_id", newPhone,
                        "type", "user_changed_number"));
    }

    private static Map<String, Object> changedUserId(String wamid, String oldUserId, String newUserId, Instant at) {
        return Map.of("from_user_id", newUserId, "id", wamid, "timestamp", Long.toString(at.getEpochSecond()),
                "type", "system", "system", Map.of("type", "user_changed_user_id", "user_id", newUserId,
                        "previous_user_id", oldUserId));
    }

    /** One {@code messages} delivery, with each sender's contact as Meta writes it. */
    private String messages(Map<String, Object> message) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("profile", Map.of("name", "Ana Souza", "username", "@ana.souza"));
        if (message.containsKey("from")) {
            contact.put("wa_id", message.get("from"));
        }
        if (message.containsKey("from_user_id")) {
            contact.put("user_id", message.get("from_user_id"));
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", "15550783881", "phone_number_id", channel));
        if (!"system".equals(message.get("type"))) {
            value.put("contacts", List.of(contact));
        }
        value.put("messages", List.of(message));
        return delivery("messages", value);
    }

    /** A {@code calls} delivery of one call, from the customer or to them. */
    private String calls(Instant at, String direction) {
        boolean fromCustomer = direction.equals("USER_INITIATED");
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("id", "wacid." + direction + at.getEpochSecond());
        call.put("from", fromCustomer ? PHONE : "15550783881");
        call.put("to", fromCustomer ? "15550783881" : PHONE);
        if (fromCustomer) {
            call.put("from_user_id", BSUID);
        }
        call.put("event", "connect");
        call.put("direction", direction);
        call.put("timestamp", Long.toString(at.getEpochSecond()));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", "15550783881", "phone_number_id", channel));
        value.put("contacts", List.of(Map.of("profile", Map.of("name", "Ana Souza"), "wa_id", PHONE,
                "user_id", BSUID)));
        value.put("calls", List.of(call));
        return delivery("calls", value);
    }

    private static String delivery(String field, Map<String, Object> value) {
        return JSON.writeValueAsString(Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of(
                "id", "102290129340398", "changes", List.of(Map.of("field", field, "value", value))))));
    }
}
