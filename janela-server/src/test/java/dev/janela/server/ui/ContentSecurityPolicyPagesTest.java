package dev.janela.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Browser;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import dev.janela.server.testfixtures.Webhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages do all they do under their Content-Security-Policy: the browser refuses nothing they load or run, from
 * signing in to the charts, the composer's requests and the sandbox's phone.
 */
@JanelaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class ContentSecurityPolicyPagesTest {
    private static final String PASSWORD = "content security";
    private static final String CUSTOMER = "5521987650601";

    @Autowired
    TestServer server;

    @Test
    void theMainPages_violateNothingInTheirPolicy(Browser browser) {
        Api admin = server.anAccount().withApprovedTemplate("order_update", "en", "utility", "Order {{1}} shipped.")
                .build();
        String channel = admin.channel();
        admin.webhook(Webhooks.payload(channel, List.of(Webhooks.text("wamid.csp-page", CUSTOMER,
                TestServer.START, "Oi")), List.of()));
        String address = "csp.pages." + UUID.randomUUID() + "@example.com";
        admin.addUser(address, "admin", PASSWORD);
        List<String> console = new ArrayList<>();

        browser.signIn(address, PASSWORD);
        console.addAll(browser.consoleErrors());
        browser.open("/inbox").find(By.cssSelector(".conversations"));
        browser.open("/inbox/" + channel + "/" + CUSTOMER).find(By.id("composer"));
        browser.find(By.cssSelector("#composer .free-text textarea")).sendKeys("It ships today.");
        browser.find(By.cssSelector("#composer .free-text button[type=submit]")).click();
        browser.waitForText(By.id("thread"), "It ships today.");
        console.addAll(browser.consoleErrors());
        browser.open("/billing").waitUntil(page -> browser.script("return !!(window.Chart"
                + " && window.Chart.getChart(document.getElementById('chart-day')));").equals(Boolean.TRUE));
        console.addAll(browser.consoleErrors());
        for (String page : List.of("/templates", "/rate-cards", "/users", "/webhook-subscriptions")) {
            browser.open(page).find(By.tagName("h1"));
            console.addAll(browser.consoleErrors());
        }
        browser.open("/sandbox?from=" + CUSTOMER).find(By.id("phone-text")).sendKeys("Thanks!", Keys.ENTER);
        browser.waitForText(By.cssSelector("#phone-thread .bubble.in"), "Thanks!");
        console.addAll(browser.consoleErrors());

        assertThat(console).as("what the console said").noneMatch(line -> line.contains("Content Security Policy"))
                .isEmpty();
    }
}
