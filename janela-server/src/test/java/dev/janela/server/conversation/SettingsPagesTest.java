package dev.janela.server.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.FormClient;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code /settings} over HTTP: an admin sets the marketing cap, the messaging limit and the stop words, as
 * {@code PATCH /api/settings} would, and is told what is wrong; an agent sees them and changes nothing.
 */
@JanelaServerTest
class SettingsPagesTest {
    private static final String PASSWORD = "settings password";

    @Autowired
    private TestServer server;

    private Api api;
    private FormClient admin;

    @BeforeEach
    void anAdminSignedIn() {
        api = server.newAccount();
        admin = signedIn("admin");
    }

    @Test
    void anAdmin_capsMarketing_andTheApiSeesIt() {
        Response saved = admin.post("/settings", "/settings/marketing-cap", Map.of("count", "2", "days", "7"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(admin.get("/settings").body()).contains("At most 2 marketing templates to one customer in 7 days.");
        JsonNode cap = api.get("/api/settings").json().path("marketing_cap");
        assertThat(cap.path("count").asInt()).isEqualTo(2);
        assertThat(cap.path("days").asInt()).isEqualTo(7);
    }

    @Test
    void aCapOutOfRange_isRefused_namingTheField_andNothingChanges() {
        Response refused = admin.post("/settings", "/settings/marketing-cap", Map.of("count", "0", "days", "7"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("marketing_cap.count: must be a number of marketing templates from 1 to"
                + " 100; was 0").contains("No cap.");
        assertThat(api.get("/api/settings").json().path("marketing_cap").isNull()).isTrue();
    }

    @Test
    void theMessagingLimit_isOneOfMetasTiers_andThePageSaysMetaUpdatesIt() {
        assertThat(admin.get("/settings").body()).contains("Unlimited.").contains("business_capability_update");

        admin.post("/settings", "/settings/messaging-limit", Map.of("limit", "2000"));

        assertThat(admin.get("/settings").body()).contains("2,000 customers in 24 hours.");
        assertThat(api.get("/api/settings").json().path("messaging_limit").asInt()).isEqualTo(2000);
        admin.post("/settings", "/settings/messaging-limit", Map.of("limit", "unlimited"));
        assertThat(api.get("/api/settings").json().path("messaging_limit").isNull()).isTrue();
    }

    @Test
    void theStopWords_areTheAccountsOnceSaved_andTheDefaultsComeBack() {
        admin.post("/settings", "/settings/stop-words", Map.of("words.en", "STOP, Halt ,", "words.pt", "",
                "words.es", "BAJA", "language", "fr", "newWords", "ARRET"));

        JsonNode words = api.get("/api/settings").json().path("stop_words");
        assertThat(words.path("en").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("STOP", "Halt");
        assertThat(words.path("pt")).isEmpty();
        assertThat(words.path("fr").valueStream().map(JsonNode::asString)).containsExactly("ARRET");

        admin.post("/settings", "/settings/stop-words", Map.of("defaults", "true"));

        assertThat(api.get("/api/settings").json().path("stop_words_are_defaults").asBoolean()).isTrue();
    }

    @Test
    void anAgent_seesTheSettings_butCannotChangeThem() {
        FormClient agent = signedIn("agent");

        Response page = agent.get("/settings");
        Response change = agent.post("/settings", "/settings/messaging-limit", Map.of("limit", "250"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Stop words").contains("UNSUBSCRIBE").doesNotContain("/settings/stop-words");
        assertThat(change.status()).isEqualTo(403);
        assertThat(api.get("/api/settings").json().path("messaging_limit").isNull()).isTrue();
    }

    @Test
    void anAdmin_decidesThatANewNumberEndsTheWindow() {
        admin.post("/settings", "/settings/identity", Map.of());

        assertThat(api.get("/api/settings").json().path("identity_change_keeps_window").asBoolean()).isFalse();
        assertThat(admin.get("/settings").body()).contains("open window ends when Meta reports");
    }

    @Test
    void thePage_isInPortuguese() {
        Response page = admin.get("/settings?lang=pt-BR");

        assertThat(page.body()).contains("Configurações").contains("Palavras de saída").contains("Ilimitado.");
    }

    @Test
    void theApi_refusesEveryBadField_atOnce() {
        Response refused = api.patch("/api/settings", Map.of("marketing_cap", Map.of("count", 2),
                "messaging_limit", "lots", "stop_words", Map.of("en", List.of("!!!"))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("fields").valueStream().map(field -> field.path("field").asString()))
                .containsExactlyInAnyOrder("messaging_limit", "marketing_cap.days", "stop_words.en[0]");
    }

    private FormClient signedIn(String role) {
        String email = role + "." + UUID.randomUUID() + "@example.com";
        api.addUser(email, role, PASSWORD);
        FormClient client = new FormClient(api.base());
        client.signIn(email, PASSWORD);
        return client;
    }
}
