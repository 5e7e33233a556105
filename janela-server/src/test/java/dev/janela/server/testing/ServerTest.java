package dev.janela.server.testing;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.account.Accounts;
import dev.janela.server.account.ApiTokens;
import dev.janela.server.connector.SynchronousSandbox;
import dev.janela.server.webhook.StatusUpdates;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of tests that run the whole server on a random port over a real database ({@link TestDatabase}). All of
 * them share one server; each test gets an account of its own ({@link #api}) and a clock set to {@link #START} that
 * only it moves. The sandbox reports deliveries before a send answers, so that a test can read them at once; the
 * database is there to read what the API does not show.
 */
@Tag("database")
@ExtendWith(TestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "janela.admin-token=" + ServerTest.ADMIN_TOKEN,
    "janela.meta.app-secret=" + ServerTest.APP_SECRET,
    "janela.meta.verify-token=" + ServerTest.VERIFY_TOKEN})
@Import(ServerTest.Setup.class)
public abstract class ServerTest {
    public static final String ADMIN_TOKEN = "jnl_test_admin_token";
    public static final String APP_SECRET = "test-app-secret";
    public static final String VERIFY_TOKEN = "test-verify-token";
    /** Session prices for Brazil, where the tests' channels are registered. */
    public static final String BRAZIL_RATES = """
            market,category,price,currency
            BR,user_initiated,0.0068,USD
            BR,business_initiated,0.0625,USD
            """;
    /** A Monday morning, where every test's clock starts. */
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestClock clock;
    @Autowired
    protected TestConnector connector;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    private TestAccounts accounts;

    /** A client of this test's own account. */
    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @BeforeEach
    void freshAccount() {
        clock.set(START);
        connector.reset();
        api = accounts.create(port);
    }

    /** A client of another, new account. */
    protected Api otherAccount() {
        return accounts.create(port);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Setup {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(START);
        }

        @Bean
        @Primary
        TestConnector testConnector(StatusUpdates statuses, Clock clock) {
            return new TestConnector(SynchronousSandbox.create(statuses, clock));
        }

        @Bean
        TestAccounts testAccounts(Accounts accounts, ApiTokens tokens) {
            return new TestAccounts(accounts, tokens);
        }
    }
}
