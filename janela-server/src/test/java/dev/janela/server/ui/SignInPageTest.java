package dev.janela.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Browser;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Signing in and out, the layout, the language, and a role's limits, in a real browser. */
@JanelaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class SignInPageTest {
    private static final String PASSWORD = "correct horse battery";

    @Autowired
    TestServer server;

    @Test
    void aPage_beforeSigningIn_leadsToTheSignInForm(Browser browser) {
        browser.open("/inbox");

        assertThat(browser.driver().getCurrentUrl()).endsWith("/sign-in");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Janela");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aWrongPassword_isRefused_andNamesNeitherWhichNorWhy(Browser browser) {
        Api admin = server.newAccount();
        admin.addUser("wrong@example.com", "admin", PASSWORD);

        browser.open("/sign-in");
        browser.find(By.name("email")).sendKeys("wrong@example.com");
        browser.find(By.name("password")).sendKeys("not the password");
        browser.find(By.cssSelector("main.sign-in button[type=submit]")).click();

        assertThat(browser.waitForText(By.cssSelector(".notice.error"), "do not match").isDisplayed()).isTrue();
        assertThat(browser.driver().getCurrentUrl()).contains("/sign-in?failed");
    }

    @Test
    void anAddressThatFailedTooOften_isToldToWait_whateverThePassword(Browser browser) {
        Api admin = server.newAccount();
        admin.addUser("paused@example.com", "admin", PASSWORD);
        for (int i = 0; i < 5; i++) {
            attempt(browser, "paused@example.com", "not the password");
            browser.waitUntil(page -> page.getCurrentUrl().contains("/sign-in?failed"));
        }

        attempt(browser, "paused@example.com", PASSWORD);

        assertThat(browser.waitForText(By.cssSelector(".notice.error"), "Wait 5 minutes").getText())
                .isEqualTo("Too many failed attempts to sign in with this address. Wait 5 minutes, then try again.");
        assertThat(browser.driver().getCurrentUrl()).contains("/sign-in?paused=5");
    }

    @Test
    void signingIn_showsTheAccountTheUserAndTheirRole_andSigningOutEndsIt(Browser browser) {
        Api admin = server.newAccount();
        admin.addUser("agent.layout@example.com", "agent", PASSWORD);

        browser.signIn("agent.layout@example.com", PASSWORD);

        assertThat(browser.driver().getCurrentUrl()).endsWith("/inbox");
        assertThat(browser.find(By.cssSelector("header.top .who")).getText())
                .contains("agent.layout@example.com", "agent");
        assertThat(browser.findAll(By.cssSelector("header.top nav.sections a"))).extracting(element ->
                element.getText()).containsExactly("Inbox", "Templates", "Campaigns", "Sandbox", "Settings");
        browser.find(By.cssSelector("header.top form button")).click();
        browser.waitUntil(page -> page.getCurrentUrl().contains("/sign-in?signed-out"));
        browser.open("/inbox");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/sign-in");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anAgent_opening_anAdminsPage_isAnswered403(Browser browser) {
        Api admin = server.newAccount();
        admin.addUser("agent.forbidden@example.com", "agent", PASSWORD);
        browser.signIn("agent.forbidden@example.com", PASSWORD);

        browser.open("/users");

        assertThat(browser.status()).contains(403L);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Your role may not open this page");
    }

    @Test
    void aChange_withoutTheFormsCsrfToken_isRefused(Browser browser) {
        Api admin = server.anAccount().withoutRates().build();
        admin.addUser("csrf@example.com", "agent", PASSWORD);
        browser.signIn("csrf@example.com", PASSWORD).open("/sandbox");

        long status = browser.postWithoutCsrfToken("/sandbox/messages", "from=5511987650009&text=forged");

        assertThat(status).isEqualTo(403);
        assertThat(admin.get("/api/charges").json().path("charges").isEmpty()).as("nothing was received").isTrue();
    }

    @Test
    void aPageThatDoesNotExist_isAnswered404_asAPage(Browser browser) {
        Api admin = server.newAccount();
        admin.addUser("lost@example.com", "agent", PASSWORD);
        browser.signIn("lost@example.com", PASSWORD);

        browser.open("/no-such-page");

        assertThat(browser.status()).contains(404L);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
    }

    @Test
    void theLanguage_followsTheBrowser_untilTheUserSwitches(Browser browser) {
        Api admin = server.newAccount();
        admin.addUser("bilingual@example.com", "admin", PASSWORD);
        browser.signIn("bilingual@example.com", PASSWORD);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Inbox");

        browser.find(By.cssSelector("header.top a[lang=pt-BR]")).click();

        assertThat(browser.waitForText(By.tagName("h1"), "Caixa de entrada").isDisplayed()).isTrue();
        browser.open("/inbox");
        assertThat(browser.find(By.tagName("h1")).getText()).as("remembered").isEqualTo("Caixa de entrada");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("pt-BR");
    }

    private static void attempt(Browser browser, String email, String password) {
        browser.open("/sign-in");
        browser.find(By.name("email")).sendKeys(email);
        browser.find(By.name("password")).sendKeys(password);
        browser.find(By.cssSelector("main.sign-in button[type=submit]")).click();
    }
}
