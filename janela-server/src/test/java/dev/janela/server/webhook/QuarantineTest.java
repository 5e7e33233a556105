package dev.janela.server.webhook;

import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.status;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook item Janela can never store is quarantined whole, with the reason; the delivery is answered 200, so that
 * Meta stops sending it, and its other items are applied.
 */
@JanelaServerTest
class QuarantineTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CUSTOMER = "5521987659801";

    @Autowired
    private TestServer server;
    @Autowired
    private Quarantine quarantine;

    private Api api;
    private String channel;

    @BeforeEach
    void anAccount() {
        api = server.anAccount().build();
        channel = api.channel();
    }

    @Test
    void itemsThatCanNeverBeStored_areQuarantinedWhole_andTheRestApplied() {
        String longId = "wamid." + "x".repeat(394);
        Map<String, Object> longType = text("wamid.q-type", CUSTOMER, START, "Hi");
        longType.put("type", "t".repeat(21));
        Map<String, Object> noStatus = status("wamid.q-none", "sent", START, CUSTOMER);
        noStatus.remove("id");
        String delivery = payload(channel, List.of(text("wamid.q-good", CUSTOMER, START, "Hello"),
                text(longId, CUSTOMER, START, "Hi"), longType, text("wamid.q-nul", CUSTOMER, START, "a\u0000b")),
                List.of(noStatus));

        Response answer = api.webhook(delivery);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(messages()).containsExactly("wamid.q-good");
        List<JsonNode> quarantined = quarantined();
        assertThat(quarantined).extracting(item -> item.path("kind").asString() + ": "
                + item.path("reason").asString()).containsExactlyInAnyOrder(
                "message: its id has 400 characters; Janela keeps up to 255",
                "message: its type has 21 characters; Janela keeps up to 20",
                "message: it holds a NUL character, which Janela's store cannot keep",
                "status: it has no valid id, status or timestamp");
        assertThat(quarantined).allSatisfy(item -> assertThat(item.path("phone_number_id").asString())
                .isEqualTo(channel));
        assertThat(quarantined).anySatisfy(item -> assertThat(JSON.readTree(item.path("item").asString())
                .path("id").asString()).isEqualTo(longId));
        assertThat(quarantined).anySatisfy(item -> assertThat(JSON.readTree(item.path("item").asString())
                .path("text").path("body").asString()).isEqualTo("a\u0000b"));
    }

    @Test
    void aDeliveryQuarantinedOnce_isAnswered200_whenMetaSendsItAgain_andKeptOnce() {
        String delivery = payload(channel, List.of(text("wamid." + "y".repeat(300), CUSTOMER, START, "Hi")),
                List.of());

        Response first = api.webhook(delivery);
        Response again = api.webhook(delivery);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(quarantined()).hasSize(1);
        assertThat(messages()).isEmpty();
    }

    @Test
    void aProfileNameOfAnyLength_isKeptWhole() {
        String name = "Ana " + "Souza ".repeat(60);
        Map<String, Object> message = text("wamid.q-name", CUSTOMER, START, "Hi");
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("phone_number_id", channel));
        value.put("contacts", List.of(Map.of("profile", Map.of("name", name), "wa_id", CUSTOMER)));
        value.put("messages", List.of(message));

        Response answer = api.webhook(payload(List.of(Map.of("field", "messages", "value", value))));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(quarantined()).isEmpty();
        assertThat(api.get("/api/channels/" + channel + "/conversations").json().path("conversations").path(0)
                .path("customer").path("name").asString()).isEqualTo(name);
    }

    @Test
    void aChangeNamingNoChannel_isQuarantined_andTheAccountsListShowsOnlyItsOwn() {
        long before = quarantine.count();

        // its wamid names this test's channel, so that a database kept from an earlier run does not hold it yet
        Map<String, Object> message = text("wamid.q-lost-" + channel, CUSTOMER, START, "Hi");
        Response answer = api.webhook(payload(List.of(Map.of("field", "messages", "value",
                Map.of("messaging_product", "whatsapp", "messages", List.of(message))))));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(quarantine.count()).as("an item no account can be told of is kept").isEqualTo(before + 1);
        assertThat(quarantined()).as("but listed to none").isEmpty();
        assertThat(server.newAccount().get("/api/quarantine").json().path("items")).isEmpty();
    }

    private List<String> messages() {
        return api.get("/api/channels/" + channel + "/conversations/" + CUSTOMER + "/messages").json()
                .path("messages").valueStream().map(message -> message.path("wamid").asString()).toList();
    }

    private List<JsonNode> quarantined() {
        Response list = api.get("/api/quarantine");
        Api.expect(list, 200);
        return list.json().path("items").valueStream().toList();
    }
}
