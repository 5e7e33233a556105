package dev.janela.server.report;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Under Meta's pricing of October 2026 the composer says what a reply costs, and Billing how many of each number's
 * free service messages are used; the Quarantine page lists what a webhook brought that Janela could not store.
 */
@JanelaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class FreeServicePagesTest {
    private static final String PASSWORD = "admin password 1";
    private static final String CUSTOMER = "5511987650701";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;

    private Api api;
    private String channel;
    private String admin;

    @BeforeEach
    void anAccountPricedAsMetaPricesToday_withOneFreeServiceMessageANumber() {
        api = server.anAccount().pricedAsOctober2026(1).build();
        channel = api.channel();
        api.webhook(payload(channel, List.of(text("wamid.fp-in", CUSTOMER, clock.instant(), "Oi")), List.of()));
        admin = "admin." + UUID.randomUUID() + "@example.com";
        api.addUser(admin, "admin", PASSWORD);
    }

    @Test
    void theComposerSaysWhatAReplyCosts_andBillingHowManyFreeOnesAreUsed(Browser browser) {
        browser.signIn(admin, PASSWORD).open("/inbox/" + channel + "/" + CUSTOMER);
        String free = browser.find(By.cssSelector("#composer .free-text .muted")).getText();
        api.sendText(channel, CUSTOMER, "The free one");
        browser.open("/inbox/" + channel + "/" + CUSTOMER);
        String charged = browser.find(By.cssSelector("#composer .free-text .muted")).getText();
        browser.screenshot("composer-service-charged");
        browser.open("/billing");
        String allowance = browser.find(By.cssSelector(".free-service li")).getText();
        browser.screenshot("billing-free-service");
        browser.phoneWidth();
        long overflow = browser.overflowWidth();
        browser.screenshot("billing-free-service-phone");

        assertThat(free).isEqualTo("This reply is free: service message 1 of the 1 this number sends free this month.");
        assertThat(charged).isEqualTo("This reply costs 0.0068 USD: a service message; this number's free ones this"
                + " month are used up (1 of 1).");
        assertThat(allowance).isEqualTo("1 of 1 used on +5511987654321");
        assertThat(overflow).isZero();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theQuarantinePage_listsAnItemNoStoreCouldHold(Browser browser) {
        api.webhook(payload(channel, List.of(text("wamid." + "x".repeat(394), CUSTOMER, clock.instant(), "Hi")),
                List.of()));

        browser.signIn(admin, PASSWORD).open("/quarantine");
        String page = browser.find(By.tagName("main")).getText();
        browser.screenshot("quarantine");
        browser.phoneWidth();
        long overflow = browser.overflowWidth();
        browser.screenshot("quarantine-phone");

        assertThat(page).contains("wamid.xxxx");
        assertThat(overflow).isZero();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
