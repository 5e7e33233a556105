package dev.janela.server.testing;

import dev.janela.server.account.Accounts;
import dev.janela.server.account.ApiTokens;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a fresh account with an admin token for each test, so that tests share nothing but the server, and may run
 * against a PostgreSQL database that earlier runs have written to.
 */
public final class TestAccounts {
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final AtomicInteger made = new AtomicInteger();

    TestAccounts(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** A new account and a client of it on the server at {@code port}. */
    public Api create(int port) {
        long account = accounts.create("Test account " + made.incrementAndGet());
        String token = tokens.generate();
        tokens.register(account, "test admin", "admin", token);
        return new Api(URI.create("http://localhost:" + port), token, account);
    }
}
