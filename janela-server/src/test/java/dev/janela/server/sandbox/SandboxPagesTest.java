package dev.janela.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Browser;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/** The sandbox's phone: a user plays a customer, and the conversation is the inbox's, both ways. */
@JanelaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class SandboxPagesTest {
    private static final String PASSWORD = "sandbox password";

    @Autowired
    TestServer server;

    @Test
    void aPlayedCustomer_writesToTheInbox_andReadsTheAgentsAnswer(Browser browser) {
        Api admin = server.anAccount().build();
        String channel = admin.channel();
        String agent = "sandbox." + UUID.randomUUID() + "@example.com";
        admin.addUser(agent, "agent", PASSWORD);
        browser.signIn(agent, PASSWORD).open("/sandbox");

        browser.find(By.name("from")).sendKeys("+55 21 98765-0002");
        browser.find(By.name("name")).sendKeys("Rita");
        browser.find(By.name("from")).submit();
        browser.find(By.id("phone-text")).sendKeys("Is the shop open on Sunday?", Keys.ENTER);

        browser.waitForText(By.cssSelector("#phone-thread .bubble.in"), "Is the shop open on Sunday?");
        assertThat(browser.find(By.id("phone-text")).getDomProperty("value")).as("cleared once sent").isEmpty();
        assertThat(admin.sendText(channel, "5521987650002", "Yes, from 10 to 16.").status()).isEqualTo(200);
        browser.waitForText(By.cssSelector("#phone-thread .bubble.out"), "Yes, from 10 to 16.");
        assertThat(admin.get("/api/channels/" + channel + "/conversations").json().path("conversations").path(0)
                .path("customer").path("name").asString()).isEqualTo("Rita");
        browser.open("/sandbox?from=%2B55+21+98765-0002");
        assertThat(browser.find(By.cssSelector(".screen-top .muted-light")).getText()).as("a blank name keeps hers")
                .contains("Rita");
        browser.phoneWidth();
        assertThat(browser.overflowWidth()).isZero();
        browser.screenshot("sandbox");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aCustomerWithoutANumber_isPlayedByTheirBsuidAndUsername_andTheInboxShowsTheUsername(Browser browser) {
        Api admin = server.anAccount().build();
        String channel = admin.channel();
        String agent = "sandbox." + UUID.randomUUID() + "@example.com";
        admin.addUser(agent, "agent", PASSWORD);
        browser.signIn(agent, PASSWORD).open("/sandbox");

        browser.find(By.name("from")).sendKeys("BR.1502512345678901");
        browser.find(By.name("username")).sendKeys("@ana.souza");
        browser.find(By.name("from")).submit();
        browser.find(By.id("phone-text")).sendKeys("Oi, meu pedido chegou?", Keys.ENTER);

        browser.waitForText(By.cssSelector("#phone-thread .bubble.in"), "Oi, meu pedido chegou?");
        assertThat(browser.find(By.cssSelector(".screen-top")).getText()).contains("@ana.souza");
        assertThat(admin.send(channel, Map.of("messaging_product", "whatsapp", "recipient",
                "BR.1502512345678901", "type", "text", "text", Map.of("body", "Chegou hoje!")))
                .status()).isEqualTo(200);
        browser.waitForText(By.cssSelector("#phone-thread .bubble.out"), "Chegou hoje!");
        browser.screenshot("sandbox-username");
        browser.open("/inbox");
        assertThat(browser.find(By.cssSelector(".conversation")).getText()).contains("@ana.souza");
        browser.screenshot("inbox-username");
        browser.find(By.cssSelector(".conversation")).click();
        browser.waitForText(By.cssSelector(".thread"), "Chegou hoje!");
        browser.screenshot("conversation-username");
        browser.phoneWidth();
        assertThat(browser.overflowWidth()).isZero();
        browser.screenshot("conversation-username-phone");
        browser.open("/sandbox?lang=pt-BR&from=BR.1502512345678901&username=%40ana.souza");
        assertThat(browser.find(By.cssSelector("label.field")).getText()).contains("BSUID");
        browser.screenshot("sandbox-username-phone-pt");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aNumberThatIsNotOne_isNamed(Browser browser) {
        Api admin = server.anAccount().withoutRates().build();
        String agent = "sandbox." + UUID.randomUUID() + "@example.com";
        admin.addUser(agent, "agent", PASSWORD);
        browser.signIn(agent, PASSWORD).open("/sandbox?from=12");

        assertThat(browser.find(By.cssSelector(".field-error")).getText())
                .startsWith("That is neither a WhatsApp number nor a business-scoped user ID");
        assertThat(browser.findAll(By.id("phone-text"))).isEmpty();
    }
}
