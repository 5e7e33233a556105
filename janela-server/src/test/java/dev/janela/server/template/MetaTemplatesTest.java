package dev.janela.server.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.GraphStandIn;
import dev.janela.server.testfixtures.MetaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Templates with Meta: submitted to the account's WABA, kept in step by Meta's webhooks and by its list. */
@MetaServerTest
class MetaTemplatesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private TestServer server;

    private final GraphStandIn meta = GraphStandIn.get();
    private Api api;

    @BeforeEach
    void accountWithAWaba() {
        api = server.newAccount();
        Api.expect(api.put("/api/whatsapp-business-account", Map.of("waba_id", api.wabaId())), 200);
    }

    @Test
    void aSubmission_reachesTheAccountsWaba_withExamplesForEachParameter_andKeepsMetasId() {
        long id = add("order_update", "utility", "Hi {{1}}, order {{2}} has shipped.");

        Response submitted = api.post("/api/templates/" + id + "/submit", Map.of("examples", Map.of("1", "Ana")));

        Api.expect(submitted, 200);
        GraphStandIn.Request request = meta.received().get(meta.received().size() - 1);
        assertThat(request.path()).isEqualTo("/v24.0/" + api.wabaId() + "/message_templates");
        assertThat(request.body().path("category").asString()).isEqualTo("UTILITY");
        JsonNode body = request.body().path("components").path(0);
        assertThat(body.path("type").asString()).isEqualTo("BODY");
        assertThat(body.path("example").path("body_text").path(0).valueStream().map(JsonNode::asString))
                .containsExactly("Ana", "example 2");
        assertThat(submitted.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(submitted.json().path("meta_template_id").asString()).startsWith("tpl-");
    }

    @Test
    void metaApprovingAsAnotherCategory_isShown_withTheCategoryItReplaced() {
        meta.recategorizeAs("MARKETING");
        long id = add("order_update", "utility", "Your order has shipped.");

        JsonNode submitted = api.post("/api/templates/" + id + "/submit", "{}").json();

        assertThat(submitted.path("category").asString()).isEqualTo("marketing");
        assertThat(submitted.path("previous_category").asString()).isEqualTo("utility");
        assertThat(Instant.parse(submitted.path("category_changed_at").asString())).isEqualTo(TestServer.START);
    }

    @Test
    void statusWebhooks_bringMetasVerdict_aRejectionWithItsReason() {
        long approved = submitted("order_update", "utility", "Your order has shipped.");
        long rejected = submitted("big_sale", "marketing", "Everything half price!");

        webhook("message_template_status_update", Map.of("event", "APPROVED", "message_template_id",
                metaId(approved), "message_template_name", "order_update", "message_template_language", "en_US",
                "reason", "NONE"));
        webhook("message_template_status_update", Map.of("event", "REJECTED", "message_template_id",
                metaId(rejected), "message_template_name", "big_sale", "message_template_language", "en_US",
                "reason", "INCORRECT_CATEGORY"));

        assertThat(template(approved).path("status").asString()).isEqualTo("APPROVED");
        assertThat(template(rejected).path("status").asString()).isEqualTo("REJECTED");
        assertThat(template(rejected).path("rejection_reason").asString()).isEqualTo("INCORRECT_CATEGORY");
        assertThat(template(approved).path("reviews").path(0).path("reviewed_by").asString()).isEqualTo("Meta");
    }

    @Test
    void aCategoryWebhook_changesWhatTheTemplateIsPricedAs_andShowsTheOldOne() {
        long id = submitted("order_update", "utility", "Your order has shipped.");

        webhook("template_category_update", Map.of("message_template_id", metaId(id), "message_template_name",
                "order_update", "message_template_language", "en_US", "previous_category", "UTILITY",
                "new_category", "MARKETING"));

        JsonNode template = template(id);
        assertThat(template.path("category").asString()).isEqualTo("marketing");
        assertThat(template.path("previous_category").asString()).isEqualTo("utility");
    }

    @Test
    void aSync_bringsStatusesAndCategoriesFromMetasList_andAddsTemplatesMadeAtMeta() {
        long id = submitted("order_update", "utility", "Your order has shipped.");
        meta.changeTemplate("order_update", "en_US", "PAUSED", "MARKETING");
        meta.addTemplate("welcome", "pt_BR", "APPROVED", "MARKETING", "Olá {{1}}, bem-vinda!");

        JsonNode sync = api.post("/api/templates/sync", "{}").json();

        assertThat(sync.path("changed").asInt()).isEqualTo(1);
        assertThat(sync.path("added").asInt()).isEqualTo(1);
        assertThat(template(id).path("status").asString()).isEqualTo("PAUSED");
        assertThat(template(id).path("category").asString()).isEqualTo("marketing");
        JsonNode added = api.get("/api/templates").json().path("templates").valueStream()
                .filter(each -> each.path("name").asString().equals("welcome")).findFirst().orElseThrow();
        assertThat(added.path("status").asString()).isEqualTo("APPROVED");
        assertThat(added.path("body").asString()).isEqualTo("Olá {{1}}, bem-vinda!");
    }

    @Test
    void withMetasConnector_onlyMetaReviews_andASubmissionNeedsAWaba() {
        long id = add("order_update", "utility", "Your order has shipped.");
        assertThat(api.post("/api/templates/" + id + "/approve", "{}").status()).isEqualTo(409);

        Api other = server.newAccount();
        long theirs = Long.parseLong(other.post("/api/templates", Map.of("name", "x", "language", "en",
                "category", "utility", "body", "Hello.")).json().path("id").asString());
        Response refused = other.post("/api/templates/" + theirs + "/submit", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("message").asString()).contains("PUT /api/whatsapp-business-account");
    }

    private long add(String name, String category, String body) {
        Response added = api.post("/api/templates", Map.of("name", name, "language", "en_US", "category", category,
                "body", body));
        Api.expect(added, 201);
        return added.json().path("id").asLong();
    }

    private long submitted(String name, String category, String body) {
        long id = add(name, category, body);
        Api.expect(api.post("/api/templates/" + id + "/submit", "{}"), 200);
        return id;
    }

    private String metaId(long id) {
        return template(id).path("meta_template_id").asString();
    }

    private JsonNode template(long id) {
        return api.get("/api/templates").json().path("templates").valueStream()
                .filter(each -> each.path("id").asLong() == id).findFirst().orElseThrow();
    }

    private void webhook(String field, Map<String, Object> value) {
        String payload = JSON.writeValueAsString(Map.of("object", "whatsapp_business_account", "entry",
                List.of(Map.of("id", api.wabaId(), "time", 1772442000, "changes", List.of(Map.of("field", field,
                        "value", value))))));
        Api.expect(api.webhook(payload), 200);
    }
}
