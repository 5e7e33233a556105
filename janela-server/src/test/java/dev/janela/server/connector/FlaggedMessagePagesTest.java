package dev.janela.server.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Browser;
import dev.janela.server.testfixtures.GraphStandIn;
import dev.janela.server.testfixtures.MetaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A message whose fate Meta never told is marked in the conversation once flagged; an agent sees it, an admin
 * settles it there.
 */
@MetaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class FlaggedMessagePagesTest {
    private static final String PASSWORD = "flagged password";
    private static final String CUSTOMER = "5521987650004";

    @Autowired
    TestServer server;
    @Autowired
    TestClock clock;
    @Autowired
    MetaDispatcher dispatcher;

    private Api api;
    private String channel;

    @Test
    void aMessageUnknownPastTheDeadline_isMarkedForAnAdmin(Browser browser) {
        String agent = flaggedMessage("agent");

        browser.signIn(agent, PASSWORD).open("/inbox/" + channel + "/" + CUSTOMER);

        assertThat(browser.find(By.cssSelector(".bubble.out .state")).getText()).isEqualTo("outcome unknown");
        assertThat(browser.find(By.cssSelector(".bubble.out .flagged")).getText())
                .startsWith("Meta never said whether it got this message");
        assertThat(browser.driver().findElements(By.cssSelector(".bubble.out form.settle"))).as("an agent's")
                .isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anAdmin_settlesIt_asFailed_andItsChargeIsReversed(Browser browser) {
        String admin = flaggedMessage("admin");
        browser.signIn(admin, PASSWORD).open("/inbox/" + channel + "/" + CUSTOMER);

        browser.find(By.cssSelector(".bubble.out form.settle button[value=failed]")).click();

        assertThat(browser.waitForText(By.cssSelector(".bubble.out .state"), "failed").getText()).isEqualTo("failed");
        assertThat(api.get("/api/messages/unknown").json().path("messages").size()).isZero();
        assertThat(api.get("/api/charges").json().path("charges").valueStream()
                .map(charge -> charge.path("amount").asString())).as("the charge, and its reversal")
                .containsExactly("0.0625", "-0.0625");
    }

    /** A template send whose answer was lost, flagged past the deadline; returns a new user with {@code role}. */
    private String flaggedMessage(String role) {
        api = server.anAccount()
                .withTemplateApprovedAtMeta("order_update", "en_US", "utility", "Your order has shipped.").build();
        channel = api.channel();
        String user = role + "." + UUID.randomUUID() + "@example.com";
        api.addUser(user, role, PASSWORD);
        GraphStandIn.get().dropNext(channel);
        Api.expect(api.sendTemplate(channel, CUSTOMER, "order_update", "en_US"), 200);
        dispatcher.dispatchDue().join();
        clock.advance(Duration.ofMinutes(16));
        dispatcher.keepHouse();
        return user;
    }
}
