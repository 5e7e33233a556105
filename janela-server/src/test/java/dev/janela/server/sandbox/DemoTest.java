package dev.janela.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.JanelaServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code --demo} gives a new server a living inbox at once, and only once. */
class DemoTest {
    private static final String TOKEN = "jnl_demo_test_token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theDemo_hasConversationsInEveryState_andIsMadeOnce(@TempDir Path data) throws Exception {
        System.setProperty("janela.admin-token", TOKEN);
        try {
            try (ConfigurableApplicationContext first = JanelaServer.start(0, data, true)) {
                JsonNode conversations = get(first, "/api/channels/" + DemoData.CHANNEL + "/conversations");
                List<String> states = conversations.path("conversations").valueStream()
                        .map(conversation -> conversation.path("open").asBoolean() + " "
                                + conversation.path("session").path("type").asString() + " "
                                + conversation.path("session").path("status").asString())
                        .toList();
                assertThat(states).containsExactlyInAnyOrder(
                        "true business_initiated active",
                        "false business_initiated pending",
                        "true user_initiated active",
                        "true user_initiated active",
                        "false user_initiated ended");
                assertThat(get(first, "/api/templates").path("templates").valueStream()
                        .map(template -> template.path("language").asString() + ":"
                                + template.path("status").asString()).distinct().toList())
                        .containsExactlyInAnyOrder("en:APPROVED", "pt_BR:APPROVED");
                assertThat(get(first, "/api/charges").path("charges")).hasSize(5);
            }
            try (ConfigurableApplicationContext again = JanelaServer.start(0, data, true)) {
                assertThat(get(again, "/api/channels/" + DemoData.CHANNEL + "/conversations").path("conversations"))
                        .hasSize(5);
                assertThat(get(again, "/api/charges").path("charges")).hasSize(5);
            }
        } finally {
            System.clearProperty("janela.admin-token");
        }
    }

    private static JsonNode get(ConfigurableApplicationContext server, String path) throws Exception {
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
