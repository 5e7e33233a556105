package dev.janela.server.inbox;

import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Browser;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Marketing consent in a real browser: the agent's button on the conversation's page swaps the card in place (htmx,
 * under the pages' CSRF token and Content-Security-Policy), and the settings page fits a phone.
 */
@JanelaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class MarketingBrowserTest {
    private static final String PASSWORD = "marketing browser";
    private static final String CUSTOMER = "5511987650091";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;

    @Test
    void anAgent_optsTheCustomerOut_andTheCardSaysSo(Browser browser) {
        Api admin = server.anAccount().build();
        String agent = "agent." + UUID.randomUUID() + "@example.com";
        admin.addUser(agent, "agent", PASSWORD);
        Api.expect(admin.webhook(payload(admin.channel(), List.of(text("wamid.b1", CUSTOMER, clock.instant(), "Hi")),
                List.of())), 200);
        browser.signIn(agent, PASSWORD).open("/inbox/" + admin.channel() + "/" + CUSTOMER);

        browser.find(By.cssSelector("#marketing button")).click();

        assertThat(browser.waitForText(By.cssSelector("#marketing"), "Marked by " + agent).getText())
                .contains("Opted out of marketing");
        assertThat(browser.find(By.cssSelector("#marketing button")).getText()).isEqualTo("Opt back in to marketing");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("conversation-marketing");
    }

    @Test
    void theSettingsPage_fitsAPhone(Browser browser) {
        Api admin = server.newAccount();
        String email = "admin." + UUID.randomUUID() + "@example.com";
        admin.addUser(email, "admin", PASSWORD);

        browser.signIn(email, PASSWORD).phoneWidth().open("/settings");

        assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Settings");
        assertThat(browser.overflowWidth()).isZero();
        browser.screenshot("settings-phone");
        browser.desktopWidth().open("/settings?lang=pt-BR");
        browser.screenshot("settings-pt");
    }
}
