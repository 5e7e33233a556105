package dev.janela.server.retention;

import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The markers that guard against repeats are kept while a repeat may come, and forgotten after. */
@JanelaServerTest
class RetentionTest {
    private static final String CUSTOMER = "5521987659901";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private Retention retention;
    @Autowired
    private JdbcClient jdbc;

    private Api api;
    private String channel;

    @BeforeEach
    void anAccount() {
        api = server.anAccount().build();
        channel = api.channel();
    }

    @Test
    void markers_areKeptSevenDays_andForgottenAfter() {
        customerWrites("wamid.kept-1");
        Api.expect(api.send(channel, Api.textMessage(CUSTOMER, "Hello"), "key-kept-1"), 200);
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        customerWrites("wamid.kept-2");

        retention.forgetExpired();
        List<String> afterAlmostAWeek = markers();
        clock.advance(Duration.ofSeconds(2));
        retention.forgetExpired();

        assertThat(afterAlmostAWeek).containsExactlyInAnyOrder("message:wamid.kept-1", "message:wamid.kept-2",
                "key-kept-1");
        assertThat(markers()).containsExactly("message:wamid.kept-2");
    }

    @Test
    void aRepeatWithinTheWeek_changesNothing_afterAPass() {
        customerWrites("wamid.kept-3");
        clock.advance(Duration.ofDays(6));
        retention.forgetExpired();

        customerWrites("wamid.kept-3");

        assertThat(jdbc.sql("select count(*) from messages where account_id = :account")
                .param("account", api.accountId()).query(Long.class).single()).isEqualTo(1);
    }

    private void customerWrites(String wamid) {
        Api.expect(api.webhook(payload(channel, List.of(text(wamid, CUSTOMER, START, "Hi")), List.of())), 200);
    }

    /** The account's markers: the customers' messages it applied, and its idempotency keys. */
    private List<String> markers() {
        List<String> events = jdbc.sql("select event_key from processed_events where account_id = :account"
                + " and event_key like 'message:%'")
                .param("account", api.accountId()).query(String.class).list();
        List<String> keys = jdbc.sql("select idempotency_key from idempotency_keys where account_id = :account")
                .param("account", api.accountId()).query(String.class).list();
        return Stream.concat(events.stream(), keys.stream()).toList();
    }
}
