package dev.janela.server.report;

import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.connector.MetaDispatcher;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.MetaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import dev.janela.server.testfixtures.Webhooks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code /api/reconciliation}: Meta's pricing of each message, from its status webhooks, against Janela's. */
@MetaServerTest
class ReconciliationTest {
    private static final String PERIOD = "from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private MetaDispatcher dispatcher;

    private Api api;
    private String channel;

    @BeforeEach
    void accountOnPerMessagePricing() {
        api = server.anAccount().withRates(TestServer.BRAZIL_RATES_EVERY_MODEL)
                .withTemplateApprovedAtMeta("big_sale", "en_US", "marketing", "Everything half price!")
                .withTemplateApprovedAtMeta("order_update", "en_US", "utility", "Your order has shipped.").build();
        channel = api.channel();
        Api.expect(api.put("/api/pricing-plan", Map.of("periods", List.of(Map.of("from", "2025-07-01",
                "model", "pmp-2025")))), 200);
    }

    @Test
    void messagesMetaPricesAsJanelaDid_agree_andEachDifferenceIsListedWithBothSides() {
        String agreed = send("5521987650001", "big_sale");
        api.webhook(payload(channel, List.of(text("wamid.in-1", "5521987650002", clock.instant(), "Hi")), List.of()));
        clock.advance(Duration.ofMinutes(1));
        String freeInWindow = send("5521987650002", "order_update");
        String otherCategory = send("5521987650003", "big_sale");
        String unreported = send("5521987650004", "big_sale");

        priced(agreed, "delivered", pricing(true, "regular", "marketing"));
        priced(freeInWindow, "delivered", pricing(true, "regular", "utility"));
        priced(otherCategory, "delivered", pricing(true, "regular", "marketing_lite"));
        priced(unreported, "sent", null);

        JsonNode report = api.get("/api/reconciliation?" + PERIOD).json();
        JsonNode totals = report.path("totals");
        assertThat(totals.path("messages").asInt()).isEqualTo(4);
        assertThat(totals.path("reported").asInt()).isEqualTo(3);
        assertThat(totals.path("unreported").asInt()).isEqualTo(1);
        assertThat(totals.path("agreeing").asInt()).isEqualTo(1);
        assertThat(totals.path("disagreeing").asInt()).isEqualTo(2);
        assertThat(totals.path("by_difference").path("billable").asInt()).isEqualTo(1);
        assertThat(totals.path("by_difference").path("type").asInt()).isEqualTo(1);
        assertThat(totals.path("by_difference").path("category").asInt()).isEqualTo(1);
        assertThat(totals.path("billable_by_janela").asInt()).isEqualTo(3);
        assertThat(totals.path("billable_by_meta").asInt()).isEqualTo(3);
        JsonNode amounts = totals.path("amounts");
        assertThat(amounts.path("currency").asString()).isEqualTo("USD");
        assertThat(amounts.path("charged_by_janela").asString()).as("three marketing templates").isEqualTo("0.1875");
        assertThat(amounts.path("billed_by_meta").asString()).as("a marketing and a utility template")
                .isEqualTo("0.0693");
        assertThat(amounts.path("unpriced").asInt()).as("marketing_lite has no price").isEqualTo(1);
        JsonNode free = report.path("disagreements").path(0);
        assertThat(free.path("wamid").asString()).isEqualTo(freeInWindow);
        assertThat(free.path("differences").valueStream().map(JsonNode::asString))
                .containsExactly("billable", "type");
        assertThat(free.path("janela").path("unit").asString()).isEqualTo("free");
        assertThat(free.path("janela").path("category").asString()).isEqualTo("utility");
        assertThat(free.path("meta").path("type").asString()).isEqualTo("regular");
        assertThat(report.path("disagreements").path(1).path("differences").valueStream().map(JsonNode::asString))
                .containsExactly("category");
    }

    @Test
    void anAccountPricingBySession_differsFromMetasPerMessagePricing_inTheModel() {
        Api.expect(api.put("/api/pricing-plan", Map.of("periods", List.of())), 200);
        String wamid = send("5521987650001", "big_sale");

        priced(wamid, "delivered", pricing(true, "regular", "marketing"));

        JsonNode report = api.get("/api/reconciliation?" + PERIOD).json();
        assertThat(report.path("disagreements").path(0).path("differences").valueStream().map(JsonNode::asString))
                .containsExactly("model");
        assertThat(report.path("disagreements").path(0).path("janela").path("model").asString())
                .isEqualTo("session");
    }

    @Test
    void disagreements_comeInPages_whileTheTotalsCoverThePeriod() {
        for (int customer = 0; customer < 3; customer++) {
            priced(send("552198765000" + customer, "big_sale"), "delivered", pricing(false, "free_entry_point",
                    "referral_conversion"));
        }

        JsonNode first = api.get("/api/reconciliation?" + PERIOD + "&limit=2").json();
        JsonNode second = api.get("/api/reconciliation?" + PERIOD + "&limit=2&after=" + first.path("next").asLong())
                .json();

        assertThat(first.path("disagreements").size()).isEqualTo(2);
        assertThat(first.path("totals").path("disagreeing").asInt()).isEqualTo(3);
        assertThat(second.path("disagreements").size()).isEqualTo(1);
        assertThat(second.path("next").isNull()).isTrue();
    }

    @Test
    void aBadPeriod_isRefused_namingTheField() {
        Response refused = api.get("/api/reconciliation?from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("fields").path(0).path("field").asString()).isEqualTo("to");
    }

    private String send(String customer, String template) {
        Response sent = api.sendTemplate(channel, customer, template, "en_US");
        Api.expect(sent, 200);
        return sent.json().path("messages").path(0).path("id").asString();
    }

    private static Map<String, Object> pricing(boolean billable, String type, String category) {
        return Map.of("billable", billable, "pricing_model", "PMP", "type", type, "category", category);
    }

    /** Meta's status for the message, by the id Meta gave it, with its pricing when given. */
    private void priced(String wamid, String status, Map<String, Object> pricing) {
        dispatcher.dispatchDue().join();
        String customer = customerOf(wamid);
        Map<String, Object> report = Webhooks.status(metaWamid(customer, wamid), status, clock.instant(), customer);
        if (pricing != null) {
            report.put("pricing", pricing);
        }
        Api.expect(api.webhook(payload(channel, List.of(), List.of(report))), 200);
    }

    private String customerOf(String wamid) {
        return api.get("/api/channels/" + channel + "/conversations").json().path("conversations").valueStream()
                .map(conversation -> conversation.path("customer").path("wa_id").asString())
                .filter(customer -> !metaWamid(customer, wamid).isEmpty()).findFirst().orElseThrow();
    }

    private String metaWamid(String customer, String wamid) {
        return api.get("/api/channels/" + channel + "/conversations/" + customer + "/messages").json()
                .path("messages").valueStream().filter(message -> message.path("wamid").asString().equals(wamid))
                .map(message -> message.path("meta_wamid").asString()).findFirst().orElse("");
    }
}
