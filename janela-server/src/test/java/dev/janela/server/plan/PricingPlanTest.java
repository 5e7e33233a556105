package dev.janela.server.plan;

import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An account's pricing plan decides its charges, its window costs, and lets reports be priced again. */
@JanelaServerTest
class PricingPlanTest {
    private static final String CUSTOMER = "5521987650001";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;

    private Api api;
    private String channel;

    @BeforeEach
    void accountWithTemplates() {
        api = server.newAccount();
        api.uploadRates(TestServer.BRAZIL_RATES_EVERY_MODEL);
        api.approvedTemplate("offer", "en", "marketing", "An offer");
        api.approvedTemplate("receipt", "en", "utility", "Your receipt");
        channel = api.addChannel();
    }

    @Test
    void perMessagePlan_chargesEachMarketingTemplate_andUtilityOnlyOutsideTheWindow_theWindowSaysTheSame() {
        Api.expect(api.put("/api/pricing-plan", Map.of("time_zone", "America/Sao_Paulo",
                "periods", List.of(Map.of("from", "2025-07-01", "model", "pmp-2025")))), 200);
        api.webhook(payload(channel, List.of(text("wamid.in1", CUSTOMER, clock.instant(), "Oi")), List.of()));

        JsonNode window = window("utility");
        assertThat(window.path("template_cost").path("charged").asBoolean()).isFalse();
        assertThat(window("marketing").path("template_cost").path("amount").asString()).isEqualTo("0.0625");
        api.sendTemplate(channel, CUSTOMER, "receipt", "en");
        api.sendTemplate(channel, CUSTOMER, "offer", "en");
        api.sendTemplate(channel, CUSTOMER, "offer", "en");
        clock.advance(Duration.ofHours(25));
        api.sendTemplate(channel, CUSTOMER, "receipt", "en");

        assertThat(charges()).containsExactly("marketing 0.0625", "marketing 0.0625", "utility 0.0068");
    }

    @Test
    void theOctober2026Plan_chargesServiceMessagesPastEachNumbersFreeAllowance_andUtilityInsideTheWindow() {
        // the test clock stands in March 2026, so the plan starts the model then
        Api.expect(api.put("/api/pricing-plan", Map.of("periods", List.of(Map.of("from", "2026-03-01",
                "model", "pmp-2026")), "free_service_messages", 1)), 200);
        String otherChannel = api.addChannel("+55 11 98765-4322");
        api.webhook(payload(channel, List.of(text("wamid.in1", CUSTOMER, clock.instant(), "Oi")), List.of()));
        api.webhook(payload(otherChannel, List.of(text("wamid.in2", CUSTOMER, clock.instant(), "Oi")), List.of()));

        api.sendText(channel, CUSTOMER, "Free: the number's first this month");
        api.sendText(otherChannel, CUSTOMER, "Free: the other number's first");
        api.sendText(channel, CUSTOMER, "Charged");
        api.sendTemplate(channel, CUSTOMER, "receipt", "en");

        assertThat(charges()).containsExactly("service 0.0068", "utility 0.0068");
        assertThat(api.get("/api/pricing-plan").json().path("free_service_messages").asLong()).isEqualTo(1);
    }

    @Test
    void volumeTiers_priceTheMonthsUtilityMessagesPastTheThreshold_countedInTheDatabase() {
        Api.expect(api.put("/api/pricing-plan", Map.of("periods", List.of(Map.of("from", "2025-07-01",
                "model", "pmp-2025")), "volume_tiers", "market,category,from,to,price\nBR,utility,3,,0.0050\n")),
                200);
        for (int customer = 0; customer < 4; customer++) {
            api.sendTemplate(channel, "552198765010" + customer, "receipt", "en");
        }

        assertThat(charges()).containsExactly("utility 0.0050", "utility 0.0050", "utility 0.0068",
                "utility 0.0068");
    }

    @Test
    void theSessionModelStillPricesTrafficBeforeThePlansFirstPeriod() {
        Api.expect(api.put("/api/pricing-plan", Map.of("periods", List.of(Map.of("from",
                clock.instant().plus(Duration.ofHours(1)).toString(), "model", "cbp-2023")))), 200);
        api.sendTemplate(channel, CUSTOMER, "receipt", "en");
        clock.advance(Duration.ofHours(2));
        api.sendTemplate(channel, "5521987650002", "receipt", "en");
        api.sendTemplate(channel, "5521987650002", "receipt", "en");

        assertThat(charges()).containsExactly("business_initiated 0.0500", "utility 0.0068");
    }

    @Test
    void aReportPricesTheSameTrafficAgainUnderAnotherModel_withoutTouchingTheLedger() {
        api.webhook(payload(channel, List.of(text("wamid.in1", CUSTOMER, clock.instant(), "Oi")), List.of()));
        api.sendText(channel, CUSTOMER, "Olá!");
        api.sendTemplate(channel, CUSTOMER, "offer", "en");
        clock.advance(Duration.ofHours(30));
        api.sendTemplate(channel, CUSTOMER, "receipt", "en");
        String period = "from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&groupBy=category";

        JsonNode ledger = api.get("/api/reports/costs?" + period).json();
        JsonNode repriced = api.get("/api/reports/costs?" + period + "&model=pmp-2025").json();

        assertThat(ledger.path("totals").path("total").asString()).isEqualTo("0.0800");
        assertThat(repriced.path("totals").path("total").asString()).isEqualTo("0.0693");
        assertThat(repriced.path("groups").valueStream().map(group -> group.path("category").asString()
                + " " + group.path("total").asString()).toList())
                .containsExactly("marketing 0.0625", "utility 0.0068");
        assertThat(charges()).containsExactly("business_initiated 0.0500", "user_initiated 0.0300");
    }

    @Test
    void aPlanNamingAnUnknownModelOrABadDay_isRefusedField_byField() {
        var refused = api.put("/api/pricing-plan", Map.of("time_zone", "Mars/Olympus", "periods", List.of(
                Map.of("from", "July", "model", "pmp-2025"), Map.of("from", "2025-07-01", "model", "pmp-2099")),
                "free_service_messages", -1));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("fields").valueStream().map(field -> field.path("field").asString()))
                .containsExactly("time_zone", "periods[0].from", "periods[1].model", "free_service_messages");
        assertThat(api.get("/api/pricing-plan").json().path("periods")).isEmpty();
    }

    @Test
    void anAnalystReadsThePlan_butOnlyAnAdminChangesIt() {
        Api analyst = api.addUser("analyst-" + api.accountId() + "@example.com", "analyst");

        assertThat(analyst.get("/api/pricing-plan").json().path("time_zone").asString()).isEqualTo("UTC");
        assertThat(analyst.put("/api/pricing-plan", Map.of("periods", List.of())).status()).isEqualTo(403);
    }

    private JsonNode window(String category) {
        return api.get("/api/channels/" + channel + "/conversations/" + CUSTOMER + "/window?category=" + category)
                .json();
    }

    private List<String> charges() {
        return api.get("/api/charges").json().path("charges").valueStream()
                .map(charge -> charge.path("category").asString() + " " + charge.path("amount").asString())
                .sorted().toList();
    }
}
