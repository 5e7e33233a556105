package dev.janela.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A person playing a customer takes the path of a signed webhook: the window opens and the session is charged. */
@JanelaServerTest
class SandboxTest {
    @Autowired
    private TestServer server;

    private Api api;
    private String channel;

    @BeforeEach
    void channelWithRates() {
        api = server.anAccount().build();
        channel = api.channel();
    }

    @Test
    void aPlayedCustomer_opensTheWindow_andIsChargedAsAWebhookWouldBe() {
        Response written = api.post("/api/sandbox/" + channel + "/inbound", Map.of("from", "+55 21 98765-1101",
                "text", "Hello from the sandbox", "name", "Rita"));

        assertThat(written.status()).isEqualTo(201);
        assertThat(written.json().path("wamid").asString()).startsWith("wamid.sandbox.");
        JsonNode window = api.get("/api/channels/" + channel + "/conversations/5521987651101/window").json();
        assertThat(window.path("open").asBoolean()).isTrue();
        assertThat(window.path("session").path("type").asString()).isEqualTo("user_initiated");
        assertThat(api.get("/api/charges").json().path("charges").path(0).path("event_id").asString())
                .isEqualTo(written.json().path("wamid").asString());
        JsonNode conversation = api.get("/api/channels/" + channel + "/conversations").json().path("conversations")
                .path(0);
        assertThat(conversation.path("customer").path("name").asString()).isEqualTo("Rita");
        assertThat(conversation.path("last_message").path("body").asString()).isEqualTo("Hello from the sandbox");
    }

    @Test
    void aBlankName_keepsTheNameTheProfileShowedLast_andANewCustomerIsNamedByTheirNumber() {
        api.post("/api/sandbox/" + channel + "/inbound", Map.of("from", "+55 21 98888-0001", "text", "Oi",
                "name", "Ana Souza"));
        api.post("/api/sandbox/" + channel + "/inbound", Map.of("from", "+55 21 98888-0001", "text", "Still me"));
        api.post("/api/sandbox/" + channel + "/inbound", Map.of("from", "+55 21 98888-0002", "text", "Hi",
                "name", " "));

        JsonNode ana = api.get("/api/channels/" + channel + "/conversations?q=Ana").json().path("conversations");
        JsonNode unnamed = api.get("/api/channels/" + channel + "/conversations?q=5521988880002").json()
                .path("conversations");
        assertThat(ana.size()).isEqualTo(1);
        assertThat(ana.path(0).path("customer").path("name").asString()).isEqualTo("Ana Souza");
        assertThat(ana.path(0).path("last_message").path("body").asString()).isEqualTo("Still me");
        assertThat(unnamed.path(0).path("customer").path("name").asString()).isEqualTo("+5521988880002");
    }

    @Test
    void aPlayedMessage_isRefusedNamingWhatIsWrong_andAnotherAccountsChannelIsNotFound() {
        Response invalid = api.post("/api/sandbox/" + channel + "/inbound", Map.of("from", "12", "text", " "));
        Response theirs = server.newAccount().post("/api/sandbox/" + channel + "/inbound", Map.of("from",
                "5521987651102", "text", "Hi"));
        Response asAnalyst = api.addUser(UUID.randomUUID() + "@example.com", "analyst")
                .post("/api/sandbox/" + channel + "/inbound", Map.of("from", "5521987651102", "text", "Hi"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("fields").valueStream().map(field -> field.path("field").asString())
                .toList()).containsExactly("from", "text");
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(asAnalyst.status()).isEqualTo(403);
    }

    @Test
    void theDemosRateCard_isTheExampleRateCard() throws IOException {
        String shipped;
        try (InputStream in = DemoData.class.getResourceAsStream("demo-rates.csv")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(shipped).isEqualTo(Files.readString(Path.of("..", "examples", "rates.csv")));
        assertThat(List.of(shipped.split("\n"))).anyMatch(line -> line.startsWith("BR,business_initiated,"));
    }
}
