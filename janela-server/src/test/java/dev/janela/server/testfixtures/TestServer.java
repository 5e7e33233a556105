package dev.janela.server.testfixtures;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.access.Role;
import dev.janela.server.account.Accounts;
import dev.janela.server.account.ApiTokens;
import dev.janela.server.channel.Channels;
import dev.janela.server.connector.SynchronousSandbox;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.conversation.Messages;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The server under a {@link JanelaServerTest}: its secrets and start time, and new accounts on it. Tests run
 * against a database earlier runs may have written to (PostgreSQL), so each test works in an account of its own.
 */
public final class TestServer {
    public static final String ADMIN_TOKEN = "jnl_test_admin_token";
    public static final String APP_SECRET = "test-app-secret";
    public static final String VERIFY_TOKEN = "test-verify-token";
    /** A Monday morning, where every test's clock starts. */
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    /** Session prices for Brazil, where the tests' channels are registered. */
    public static final String BRAZIL_RATES = """
            market,category,price,currency
            BR,user_initiated,0.0068,USD
            BR,business_initiated,0.0625,USD
            """;

    /** Prices for Brazil under every model: sessions, and Meta's categories. */
    public static final String BRAZIL_RATES_EVERY_MODEL = """
            market,category,price,currency
            BR,user_initiated,0.0300,USD
            BR,business_initiated,0.0500,USD
            BR,marketing,0.0625,USD
            BR,utility,0.0068,USD
            BR,authentication,0.0068,USD
            BR,service,0.0068,USD
            """;

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Environment environment;
    private final JdbcClient jdbc;
    private final AtomicInteger made = new AtomicInteger();

    TestServer(Accounts accounts, ApiTokens tokens, Environment environment, JdbcClient jdbc) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.environment = environment;
        this.jdbc = jdbc;
    }

    /** A new account with a channel and {@link #BRAZIL_RATES}, unless the test says otherwise. */
    public AccountSetUp anAccount() {
        return new AccountSetUp(this);
    }

    /** A new account with an admin token, and a client of it: nothing else. */
    public Api newAccount() {
        long account = accounts.create("Test account " + made.incrementAndGet());
        String token = tokens.generate();
        tokens.register(account, "test admin", Role.ADMIN, token, "test");
        return new Api(URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port")), token,
                account, Optional.empty());
    }

    /** The id of the user whose token {@code user} holds. */
    public long userId(Api user) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(user.token().getBytes(StandardCharsets.UTF_8)));
            return jdbc.sql("select user_id from api_tokens where token_hash = :hash").param("hash", hash)
                    .query(Long.class).single();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The beans a {@link JanelaServerTest} adds: a clock the test moves, a connector it can hold, this class. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(START);
        }

        @Bean
        @Primary
        @ConditionalOnProperty(name = "janela.connector", havingValue = "sandbox", matchIfMissing = true)
        TestConnector testConnector(ConversationService conversations, Messages messages, Channels channels,
                Clock clock) {
            return new TestConnector(SynchronousSandbox.create(conversations, messages, channels, clock));
        }

        @Bean
        TestServer testServer(Accounts accounts, ApiTokens tokens, Environment environment, JdbcClient jdbc) {
            return new TestServer(accounts, tokens, environment, jdbc);
        }
    }

    /**
     * Puts back what a test may have changed of the shared server: the clock, whether the sandbox reports, and what
     * the Graph stand-in was told.
     */
    static final class ResetBeforeEach implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            ApplicationContext server = SpringExtension.getApplicationContext(context);
            server.getBean(TestClock.class).set(START);
            server.getBeanProvider(TestConnector.class).ifAvailable(TestConnector::reset);
            GraphStandIn.get().reset();
        }
    }
}
