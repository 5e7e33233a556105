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

/** An agent sees, in the conversation, a message whose fate Meta never told, once it is flagged. */
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

    @Test
    void aMessageUnknownPastTheDeadline_isMarkedForAnAdmin(Browser browser) {
        Api api = server.newAccount();
        String channel = api.addChannel();
        api.uploadRates(TestServer.BRAZIL_RATES);
        api.approvedAtMeta("order_update", "en_US", "utility", "Your order has shipped.");
        String agent = "agent." + UUID.randomUUID() + "@example.com";
        api.addUser(agent, "agent", PASSWORD);
        GraphStandIn.get().dropNext(channel);
        Api.expect(api.sendTemplate(channel, CUSTOMER, "order_update", "en_US"), 200);
        dispatcher.dispatchDue().join();
        clock.advance(Duration.ofMinutes(16));
        dispatcher.keepHouse();

        browser.signIn(agent, PASSWORD).open("/inbox/" + channel + "/" + CUSTOMER);

        assertThat(browser.find(By.cssSelector(".bubble.out .state")).getText()).isEqualTo("outcome unknown");
        assertThat(browser.find(By.cssSelector(".bubble.out .flagged")).getText())
                .startsWith("Meta never said whether it got this message");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
