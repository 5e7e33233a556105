package dev.janela.server.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A template's life: edited until approved, rejected with comments, paused, resumed, disabled; and sent whole. */
@JanelaServerTest
class TemplateLifecycleTest {
    private static final String CUSTOMER = "5521987651201";

    @Autowired
    private TestServer server;
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
    void aRejectedTemplate_keepsEveryComment_isEdited_andGoesBackToReview() {
        long id = add(Map.of("name", "promo", "language", "en", "category", "utility", "body", "Big sale!"));

        Response rejected = api.post("/api/templates/" + id + "/reject", Map.of("comments",
                List.of("This is marketing, not utility", "Add\nan opt-out")));
        Response edited = api.patch("/api/templates/" + id, Map.of("category", "marketing", "footer",
                "Reply STOP to opt out"));

        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("reviews").path(0).path("comments").valueStream().map(JsonNode::asString)
                .toList()).containsExactly("This is marketing, not utility", "Add an opt-out");
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(edited.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(edited.json().path("category").asString()).isEqualTo("marketing");
        assertThat(edited.json().path("footer").asString()).isEqualTo("Reply STOP to opt out");
        assertThat(edited.json().path("reviews")).hasSize(1);
    }

    @Test
    void aReviewedTemplate_isNotReviewedAgain_409_andKeepsItsOneReview() {
        long approved = add(Map.of("name", "twice", "language", "en", "category", "utility", "body", "Hello!"));
        long rejected = add(Map.of("name", "nope", "language", "en", "category", "utility", "body", "Sale!"));
        Api.expect(api.post("/api/templates/" + approved + "/approve", "{}"), 200);
        Api.expect(api.post("/api/templates/" + rejected + "/reject", Map.of("reason", "marketing")), 200);

        Response approvedAgain = api.post("/api/templates/" + approved + "/approve", "{}");
        Response rejectedAgain = api.post("/api/templates/" + rejected + "/reject", Map.of("reason", "still"));

        assertThat(approvedAgain.status()).as("%s", approvedAgain).isEqualTo(409);
        assertThat(rejectedAgain.status()).as("%s", rejectedAgain).isEqualTo(409);
        assertThat(reviewsOf(approved)).hasSize(1);
        assertThat(reviewsOf(rejected)).hasSize(1);
    }

    private JsonNode reviewsOf(long id) {
        return api.get("/api/templates").json().path("templates").valueStream()
                .filter(template -> template.path("id").asLong() == id).findFirst().orElseThrow().path("reviews");
    }

    @Test
    void anApprovedTemplate_cannotBeEdited_butIsPausedResumedAndDisabled() {
        long id = api.approvedTemplate("welcome", "en", "marketing", "Welcome to our store!");

        assertThat(api.patch("/api/templates/" + id, Map.of("body", "Hi!")).status()).isEqualTo(409);
        assertThat(api.post("/api/templates/" + id + "/pause", "{}").json().path("status").asString())
                .isEqualTo("PAUSED");
        assertThat(api.sendTemplate(channel, CUSTOMER, "welcome", "en").errorCode()).isEqualTo("132015");
        assertThat(api.post("/api/templates/" + id + "/unpause", "{}").json().path("status").asString())
                .isEqualTo("APPROVED");
        assertThat(api.sendTemplate(channel, CUSTOMER, "welcome", "en").status()).isEqualTo(200);
        assertThat(api.post("/api/templates/" + id + "/disable", "{}").json().path("status").asString())
                .isEqualTo("DISABLED");
        assertThat(api.sendTemplate(channel, CUSTOMER, "welcome", "en").errorCode()).isEqualTo("132016");
        assertThat(api.post("/api/templates/" + id + "/unpause", "{}").status()).isEqualTo(409);
        assertThat(api.get("/api/charges").json().path("charges")).as("refused sends cost nothing").hasSize(1);
    }

    @Test
    void headersAndFooters_followMetasLimits() {
        Response invalid = api.post("/api/templates", Map.of("name", "bad_edges", "language", "en", "category",
                "utility", "body", "Your order is ready.", "header", "{{1}} and {{2}}", "footer", "x".repeat(61)));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("fields").valueStream().map(field -> field.path("field").asString())
                .toList()).containsExactly("header", "footer");
    }

    @Test
    void anEmptyBody_orOneWithoutContentType_isRefused_sayingWhatToSend() {
        String template = "{\"name\":\"hello\",\"language\":\"en\",\"category\":\"utility\",\"body\":\"Hi\"}";

        Response empty = api.post("/api/templates", "application/json", "");
        Response bare = api.exchange(api.authorized("/api/templates").POST(HttpRequest.BodyPublishers
                .ofString(template)));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("message").asString())
                .isEqualTo("the request body is empty; send a JSON object, with Content-Type: application/json");
        assertThat(bare.status()).isEqualTo(415);
        assertThat(bare.errorCode()).isEqualTo("unsupported_media_type");
        assertThat(bare.json().path("message").asString())
                .isEqualTo("the request has no Content-Type; send the body with Content-Type: application/json");
        assertThat(api.get("/api/templates").json().path("templates")).isEmpty();
    }

    @Test
    void anUnknownLanguageOrCategory_isNamed_withTheOnesMetaKnows() {
        long id = add(Map.of("name", "sale", "language", "en", "category", "utility", "body", "Big sale!"));

        Response added = api.post("/api/templates", Map.of("name", "promo", "language", "english", "category",
                "promo", "body", "Big sale!"));
        Response edited = api.patch("/api/templates/" + id, Map.of("category", "promo"));

        assertThat(added.status()).isEqualTo(400);
        assertThat(messages(added)).containsExactly(
                "language: 'english' is not a language code Meta knows; for instance en, en_US, pt_BR",
                "category: 'promo' is not a category; one of marketing, utility, authentication");
        assertThat(edited.status()).isEqualTo(400);
        assertThat(messages(edited))
                .containsExactly("category: 'promo' is not a category; one of marketing, utility, authentication");
    }

    @Test
    void theSummary_countsEachFieldOnce_thoughItHasSeveralProblems() {
        Response invalid = api.post("/api/templates", Map.of("name", "mixed", "language", "english", "category",
                "promo", "body", "{{1}} and {{first_name}}"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("fields")).hasSize(4);
        assertThat(invalid.json().path("message").asString())
                .isEqualTo("3 fields are invalid: language, category, body");
    }

    @Test
    void aTemplateWithAHeader_takesItsValue_andTheMessageKeepsEveryPart() {
        long id = add(Map.of("name", "shipped", "language", "en", "category", "utility", "header",
                "Order {{1}}", "body", "Hello {{1}}, it is on its way.", "footer", "Janela Store"));
        api.post("/api/templates/" + id + "/approve", "{}");
        Map<String, Object> message = Map.of("messaging_product", "whatsapp", "to", CUSTOMER, "type", "template",
                "template", Map.of("name", "shipped", "language", Map.of("code", "en"), "components", List.of(
                        Map.of("type", "header", "parameters", List.of(Map.of("type", "text", "text", "#42"))),
                        Map.of("type", "body", "parameters", List.of(Map.of("type", "text", "text", "Ana"))))));

        Response sent = api.send(channel, message);
        Response withoutHeader = api.sendTemplate(channel, CUSTOMER, "shipped", "en", "Ana");

        assertThat(sent.status()).as("%s", sent).isEqualTo(200);
        assertThat(jdbc.sql("select body from messages where wamid = :wamid")
                .param("wamid", sent.json().path("messages").path(0).path("id").asString()).query(String.class)
                .single()).isEqualTo("Order #42\nHello Ana, it is on its way.\nJanela Store");
        assertThat(withoutHeader.errorCode()).isEqualTo("132000");
        assertThat(withoutHeader.json().path("error").path("error_data").path("details").asString())
                .isEqualTo("the template's header has 1 parameter; the request gives 0");
    }

    @Test
    void anotherAccountsTemplate_cannotBeEditedOrPaused() {
        long theirs = server.newAccount().approvedTemplate("theirs", "en", "utility", "Hello there.");

        assertThat(api.patch("/api/templates/" + theirs, Map.of("body", "Mine now.")).status()).isEqualTo(404);
        assertThat(api.post("/api/templates/" + theirs + "/pause", "{}").status()).isEqualTo(404);
    }

    private static List<String> messages(Response refusal) {
        return refusal.json().path("fields").valueStream()
                .map(field -> field.path("field").asString() + ": " + field.path("message").asString()).toList();
    }

    private long add(Map<String, Object> template) {
        Response added = api.post("/api/templates", template);
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        return added.json().path("id").asLong();
    }
}
