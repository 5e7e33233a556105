package dev.janela.server.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Browser;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import dev.janela.server.testfixtures.Webhooks;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An agent's day in a real browser: a customer writes, the inbox shows the conversation with its window counting
 * down, the agent answers in free text, the window closes (the server's clock moves on), and the composer offers the
 * approved templates with what sending one now costs; the template sent, its charge is in the conversation's history.
 */
@JanelaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class ConversationPagesTest {
    private static final String PASSWORD = "agent password 1";
    private static final String CUSTOMER = "5511987650001";

    @Autowired
    TestServer server;
    @Autowired
    TestClock clock;

    private Api admin;
    private String channel;
    private String agent;
    private long template;

    @BeforeEach
    void accountWithAnAgent() {
        admin = server.anAccount().build();
        channel = admin.channel();
        template = admin.approvedTemplate("order_update", "en", "utility", "Hello {{1}}, your order {{2}} has"
                + " shipped.");
        agent = "agent." + UUID.randomUUID() + "@example.com";
        admin.addUser(agent, "agent", PASSWORD);
    }

    @Test
    void anAgent_answersInTheWindow_thenSendsATemplateKnowingItsCost(Browser browser) {
        browser.signIn(agent, PASSWORD).open("/inbox");
        assertThat(browser.find(By.cssSelector(".conversations .empty")).getText()).contains("No conversations");

        customerWrites("Hi, where is my order?");

        WebElement row = browser.waitForText(By.cssSelector(".conversations a.conversation"), "where is my order");
        assertThat(browser.waitForText(By.cssSelector(".conversations .badge"), "closes in").getText())
                .matches("closes in 2[34] h \\d+ min");
        browser.screenshot("inbox");
        browser.phoneWidth();
        WebElement badge = browser.find(By.cssSelector(".conversations .badge"));
        assertThat(badge.getSize().getHeight()).as("as tall as its one line, not the row")
                .isLessThan(row.getSize().getHeight() / 2);
        assertThat(browser.headerHeight()).as("of 844").isLessThan(130);
        assertThat(browser.find(By.cssSelector("header.top nav.sections")).getSize().getWidth())
                .as("the sections' line, beside the brand").isGreaterThan(250);
        assertThat(browser.overflowWidth()).isZero();
        browser.screenshot("inbox-phone");
        browser.open("/inbox?lang=pt-BR");
        browser.screenshot("inbox-phone-pt");
        browser.desktopWidth().open("/inbox?lang=en");
        row = browser.find(By.cssSelector(".conversations a.conversation"));
        row.click();

        browser.find(By.name("text")).sendKeys("It ships today.");
        browser.find(By.cssSelector("form.free-text button[type=submit]")).click();
        browser.waitForText(By.cssSelector(".thread .bubble.out"), "It ships today.");
        assertThat(browser.waitForText(By.cssSelector(".thread .bubble.out .state"), "read").isDisplayed())
                .as("the sandbox reports sent, delivered and read").isTrue();
        browser.screenshot("conversation");

        clock.advance(Duration.ofHours(25));

        browser.waitForText(By.cssSelector("#window-badge"), "closed");
        assertThat(browser.waitForText(By.cssSelector("#composer .notice"), "window is closed").isDisplayed())
                .isTrue();
        assertThat(browser.findAll(By.cssSelector("form.free-text"))).as("no free text once closed").isEmpty();
        assertThat(browser.find(By.cssSelector("#composer .notice")).getDomAttribute("class"))
                .as("a limit, not a success").isEqualTo("notice warning");
        assertThat(browser.find(By.cssSelector("#composer .cost-range")).getText())
                .as("before a template is chosen").isEqualTo("Sent now, any approved template costs $0.0625.");
        browser.screenshot("composer-closed");
        new Select(browser.find(By.name("template"))).selectByVisibleText("order_update (en, utility)");
        browser.find(By.name("body.1")).sendKeys("Ana");
        browser.find(By.name("body.2")).sendKeys("A-17");
        browser.waitForText(By.cssSelector("#preview .preview"), "Hello Ana, your order A-17 has shipped.");
        assertThat(browser.find(By.cssSelector("#composer .cost")).getText())
                .isEqualTo("Sending it now costs $0.0625: a business-initiated session in BR.");
        browser.screenshot("composer-template");
        browser.find(By.cssSelector("form.template-form button[type=submit]")).click();

        browser.waitForText(By.cssSelector(".thread .bubble.out"), "Hello Ana, your order A-17 has shipped.");
        browser.waitForText(By.cssSelector("#history .charges"), "$0.0625");
        assertThat(charges()).containsExactly("0.0068", "0.0625");
        assertThat(browser.consoleErrors()).isEmpty();

        browser.follow(By.cssSelector("header.top form button"));
        browser.signIn(financeUser(), PASSWORD).open("/billing");
        assertThat(browser.find(By.cssSelector(".totals .total")).getText()).isEqualTo("$0.0693");
        assertThat(browser.waitForText(By.cssSelector("#charges .charge-list"), "$0.0625").getText())
                .contains("business-initiated", "$0.0068");
        browser.screenshot("billing-after-template");
    }

    /** An analyst of the account, who reads Billing. */
    private String financeUser() {
        String analyst = "finance." + UUID.randomUUID() + "@example.com";
        admin.addUser(analyst, "analyst", PASSWORD);
        return analyst;
    }

    @Test
    void aSendThePlatformWouldRefuse_isRefusedInTheComposer_andNothingIsCharged(Browser browser) {
        customerWrites("Hello");
        clock.advance(Duration.ofHours(25));
        browser.signIn(agent, PASSWORD).open("/inbox/" + channel + "/" + CUSTOMER);
        new Select(browser.find(By.name("template"))).selectByVisibleText("order_update (en, utility)");
        browser.find(By.name("body.1")).sendKeys("Ana");
        browser.find(By.name("body.2")).sendKeys("A-17");
        browser.waitForText(By.cssSelector("#preview .preview"), "Hello Ana, your order A-17 has shipped.");

        assertThat(admin.post("/api/templates/" + template + "/pause", "{}").status()).isEqualTo(200);
        browser.find(By.cssSelector("form.template-form button[type=submit]")).click();

        assertThat(browser.waitForText(By.cssSelector("#composer .notice.error"), "132015").isDisplayed()).isTrue();
        assertThat(charges()).containsExactly("0.0068");
    }

    @Test
    void thePages_stayUsableAtPhoneWidth_andSpeakPortuguese(Browser browser) {
        customerWrites("Olá");
        browser.signIn(agent, PASSWORD).phoneWidth().open("/inbox?lang=pt-BR");

        assertThat(browser.waitForText(By.cssSelector(".conversations .badge"), "fecha em").getText())
                .matches("fecha em 2[34] h \\d+ min");
        assertThat(browser.overflowWidth()).isZero();
        browser.find(By.cssSelector(".conversations a.conversation")).click();
        browser.find(By.name("text"));
        assertThat(browser.overflowWidth()).isZero();
        assertThat(browser.find(By.cssSelector("form.free-text button")).getText()).isEqualTo("Enviar");
        browser.screenshot("conversation-phone");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aSearch_findsANumberAsPeopleWriteIt_andSaysWhenNothingMatches(Browser browser) {
        customerWrites("Hello");
        browser.signIn(agent, PASSWORD).open("/inbox");

        search(browser, "+55 11 98765-0001");
        browser.waitForText(By.cssSelector(".conversations a.conversation"), "Hello");

        assertThat(searchFindingNothing(browser, "en")).isEqualTo("No conversation matches \"98888-0005\".");
        browser.screenshot("inbox-no-match");
        assertThat(searchFindingNothing(browser, "pt-BR"))
                .isEqualTo("Nenhuma conversa corresponde a \"98888-0005\".");
        browser.phoneWidth();
        assertThat(searchFindingNothing(browser, "en")).isEqualTo("No conversation matches \"98888-0005\".");
        assertThat(searchFindingNothing(browser, "pt-BR"))
                .isEqualTo("Nenhuma conversa corresponde a \"98888-0005\".");
        assertThat(browser.overflowWidth()).isZero();
        browser.screenshot("inbox-no-match-phone");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** The inbox in {@code language}, searched for a number no customer has; what its list says. */
    private static String searchFindingNothing(Browser browser, String language) {
        browser.open("/inbox?lang=" + language);
        search(browser, "98888-0005");
        return browser.waitForText(By.cssSelector(".conversations .empty"), "98888-0005").getText();
    }

    private static void search(Browser browser, String text) {
        browser.find(By.id("inbox-search")).sendKeys(text, Keys.ENTER);
    }

    @Test
    void assignmentAndNotes_areKept(Browser browser) {
        customerWrites("Hello");
        browser.signIn(agent, PASSWORD).open("/inbox/" + channel + "/" + CUSTOMER);

        new Select(browser.find(By.name("userId"))).selectByVisibleText(agent);
        browser.follow(By.cssSelector(".assignment button"));
        browser.find(By.cssSelector("#notes textarea")).sendKeys("Asked for the invoice too");
        browser.follow(By.cssSelector("#notes button"));

        browser.waitForText(By.cssSelector("#notes .notes"), "Asked for the invoice too");
        JsonNode row = admin.get("/api/channels/" + channel + "/conversations").json().path("conversations").path(0);
        assertThat(row.path("assigned_to").path("email").asString()).isEqualTo(agent);
        assertThat(admin.get("/api/channels/" + channel + "/conversations/" + CUSTOMER + "/notes").json()
                .path("notes").path(0).path("author").asString()).isEqualTo(agent);
    }

    private void customerWrites(String text) {
        String payload = Webhooks.payload(channel, List.of(Webhooks.text("wamid." + UUID.randomUUID(), CUSTOMER,
                clock.instant(), text)), List.of());
        assertThat(admin.webhook(payload).status()).isEqualTo(200);
    }

    private List<String> charges() {
        return admin.get("/api/charges").json().path("charges").valueStream()
                .map(charge -> charge.path("amount").asString()).toList();
    }
}
