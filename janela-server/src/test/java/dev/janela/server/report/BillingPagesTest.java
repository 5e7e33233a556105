package dev.janela.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Browser;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestConnector;
import dev.janela.server.testfixtures.TestServer;
import dev.janela.server.testfixtures.Webhooks;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The Billing page shows what the ledger holds: totals, charts, the charges and their CSV, and estimates. */
@JanelaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class BillingPagesTest {
    private static final String PASSWORD = "analyst password";

    @Autowired
    TestServer server;
    @Autowired
    TestClock clock;
    @Autowired
    TestConnector connector;

    private Api admin;
    private String channel;
    private String analyst;

    @BeforeEach
    void chargedConversations() {
        admin = server.anAccount()
                .withApprovedTemplate("promo", "pt_BR", "marketing", "Oferta para {{1}}, hoje.").build();
        channel = admin.channel();
        for (String customer : List.of("5511987650101", "5521987650102")) {
            admin.webhook(Webhooks.payload(channel, List.of(Webhooks.text("wamid." + UUID.randomUUID(), customer,
                    clock.instant(), "Oi")), List.of()));
        }
        analyst = "analyst." + UUID.randomUUID() + "@example.com";
        admin.addUser(analyst, "analyst", PASSWORD);
    }

    @Test
    void theMonth_showsTheLedgersTotal_chartsAndCharges(Browser browser) {
        browser.signIn(analyst, PASSWORD);

        assertThat(browser.driver().getCurrentUrl()).endsWith("/billing");
        assertThat(browser.find(By.cssSelector(".totals .total")).getText()).isEqualTo("$0.0136");
        assertThat(browser.find(By.cssSelector(".totals .muted")).getText()).startsWith("2 sessions; 2 charges");
        browser.waitUntil(page -> page.findElements(By.cssSelector("#charges .charge-list tbody tr")).size() == 2);
        assertThat(browser.driver().findElements(By.cssSelector("#charges .charge-list tbody td:nth-child(2)")))
                .extracting(cell -> cell.getText()).as("each customer's number, once with its +")
                .containsExactlyInAnyOrder("+5511987650101", "+5521987650102");
        for (String chart : List.of("chart-day", "chart-market", "chart-category")) {
            assertThat(browser.driver().findElement(By.id(chart)).getSize().getHeight()).isPositive();
            assertThat(browser.script("return Chart.getChart(arguments[0]) !== undefined;", chart)).as(chart)
                    .isEqualTo(true);
        }
        assertThat(browser.find(By.cssSelector(".totals h2")).getText())
                .isEqualTo("Cost from Mar 1, 2026 to Mar 2, 2026 (UTC)");
        assertThat(browser.find(By.cssSelector("#charges td:first-child")).getText())
                .as("times as the days are written").isEqualTo("Mar 2, 2026, 9:00 AM");
        assertThat(browser.find(By.cssSelector(".rate-card p")).getText())
                .isEqualTo("Version v1, in USD, in force from the start");
        assertThat(browser.script("return Chart.getChart('chart-market').data.labels;")).isEqualTo(List.of(
                "BR: $0.0136"));
        assertThat((List<?>) browser.script("return Chart.getChart('chart-day').scales.y.ticks.map(t => t.label);"))
                .isNotEmpty().allMatch(label -> ((String) label).startsWith("$"));
        assertThat(browser.script("return Chart.getChart('chart-day').data.labels;")).isEqualTo(List.of(
                "Mar 2, 2026"));
        assertThat(browser.find(By.cssSelector(".reconciliation .nothing-to-reconcile")).getText())
                .startsWith("This Janela sends through its sandbox").contains("nothing to reconcile");
        assertThat(browser.driver().findElements(By.cssSelector(".reconciliation .amounts")))
                .as("no figure for what Meta never priced").isEmpty();
        browser.screenshot("billing");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.phoneWidth();
        assertThat(browser.overflowWidth()).isZero();
        assertThat(browser.offScreen(By.cssSelector("#charges td"))).as("every column, Amount too").isEmpty();
        assertThat(browser.headerHeight()).as("of 844").isLessThan(130);
        assertThat(browser.find(By.cssSelector("header.top nav.sections")).getSize().getWidth())
                .as("the sections' line, beside the brand").isGreaterThan(250);
        browser.screenshot("billing-phone");
        browser.open("/billing?lang=pt-BR");
        assertThat(browser.find(By.cssSelector(".reconciliation .nothing-to-reconcile")).getText())
                .startsWith("Esta Janela envia pelo sandbox");
        assertThat(browser.find(By.cssSelector(".totals h2")).getText())
                .isEqualTo("Custo de 1 de mar. de 2026 a 2 de mar. de 2026 (UTC)");
        browser.waitUntil(page -> !page.findElements(By.cssSelector("#charges td:first-child")).isEmpty());
        assertThat(browser.find(By.cssSelector("#charges td:first-child")).getText()).startsWith("2 de mar. de 2026");
        assertThat(browser.script("return Chart.getChart('chart-market').data.labels;")).isEqualTo(List.of(
                "BR: US$\u00a00,0136"));
        assertThat((List<?>) browser.script("return Chart.getChart('chart-day').scales.y.ticks.map(t => t.label);"))
                .isNotEmpty().allMatch(label -> ((String) label).startsWith("US$"));
        browser.screenshot("billing-phone-pt");
    }

    @Test
    void theChargesCsv_isTheApisForTheSameFilters(Browser browser) {
        browser.signIn(analyst, PASSWORD).open("/billing");
        browser.waitUntil(page -> page.findElements(By.cssSelector("#charges .charge-list tbody tr")).size() == 2);
        assertThat(browser.driver().findElements(By.cssSelector("#charges .charge-list tbody td:nth-child(2)")))
                .extracting(cell -> cell.getText()).as("each customer's number, once with its +")
                .containsExactlyInAnyOrder("+5511987650101", "+5521987650102");

        String csv = browser.fetchText("/billing/charges.csv?market=BR&category=user_initiated");

        assertThat(csv.lines()).hasSize(3).first().asString().startsWith("id,event_id,at,");
        assertThat(csv).isEqualTo(admin.get("/api/charges?category=user_initiated", "text/csv").body());
    }

    @Test
    void anEstimate_pricesTheListAsASendWould(Browser browser) {
        browser.signIn(analyst, PASSWORD).open("/billing");

        browser.find(By.name("recipients")).sendKeys("+55 11 98765-0101\n+55 31 98765-0103\n12\n");
        browser.find(By.cssSelector(".estimate button[type=submit]")).click();

        String result = browser.waitForText(By.cssSelector("#estimate-result .total"), "for 2 recipients").getText();
        assertThat(result).as("one of them wrote, and is inside an open session")
                .isEqualTo("$0.0625 for 2 recipients: 1 charged, 1 free");
        assertThat(browser.find(By.cssSelector("#estimate-result .invalid")).getText()).startsWith("Line 3: \"12\"");
    }

    @Test
    void whereMetaPricedAMessageOtherwise_theReconciliationShowsBothSides(Browser browser) {
        connector.holdReports();
        String wamid = admin.sendTemplate(channel, "5511987650101", "promo", "pt_BR", "Ana").json().path("messages")
                .path(0).path("id").asString();
        Map<String, Object> delivered = Webhooks.status(wamid, "delivered", clock.instant(), "5511987650101");
        delivered.put("pricing", Map.of("billable", true, "pricing_model", "PMP", "type", "regular", "category",
                "marketing"));
        Api.expect(admin.webhook(Webhooks.payload(channel, List.of(), List.of(delivered))), 200);

        browser.signIn(analyst, PASSWORD).open("/billing");

        assertThat(browser.find(By.cssSelector(".reconciliation p")).getText())
                .startsWith("1 message sent; Meta priced 1: 0 as Janela did, 1 otherwise");
        assertThat(browser.find(By.cssSelector(".reconciliation .amounts")).getText())
                .as("the account's rates price sessions only").isEqualTo("Janela charged $0.00 for them; at your"
                        + " rates, Meta's per-message pricing bills $0.00 (1 with no price in your rates).");
        String row = browser.find(By.cssSelector(".reconciliation tbody tr")).getText();
        assertThat(row).contains("promo", "model", "session: none", "PMP: regular marketing");
        assertThat(browser.find(By.cssSelector(".reconciliation tbody td:nth-child(2)")).getText())
                .isEqualTo("+5511987650101");
    }

    @Test
    void anAgent_mayNotOpenBilling(Browser browser) {
        String agent = "agent." + UUID.randomUUID() + "@example.com";
        admin.addUser(agent, "agent", PASSWORD);
        browser.signIn(agent, PASSWORD);

        browser.open("/billing");

        assertThat(browser.status()).contains(403L);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Your role may not open this page");
        assertThat(browser.find(By.cssSelector(".error-message")).getText())
                .isEqualTo("You are signed in as " + agent + ", with the role of agent, and this page is not open"
                        + " to it. An admin of your account can change your role.");
        assertThat(browser.findAll(By.cssSelector("header .sections a"))).extracting(WebElement::getText)
                .as("the agent's own pages, to go on from").contains("Inbox", "Templates", "Sandbox")
                .doesNotContain("Billing");
        browser.screenshot("forbidden");
        browser.open("/billing?lang=pt-BR");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Seu papel não pode abrir esta página");
        assertThat(browser.find(By.cssSelector(".error-message")).getText()).contains("com o papel de atendente");
        browser.phoneWidth();
        assertThat(browser.overflowWidth()).isZero();
        browser.screenshot("forbidden-phone-pt");
    }
}
