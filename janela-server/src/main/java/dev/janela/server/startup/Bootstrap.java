package dev.janela.server.startup;

import dev.janela.server.access.Role;
import dev.janela.server.account.Accounts;
import dev.janela.server.account.ApiTokens;
import dev.janela.server.account.Passwords;
import dev.janela.server.account.Users;
import dev.janela.server.config.FirstStart;
import dev.janela.server.webhook.WebhookSecrets;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a start sets up: the default account, an admin token for it ({@code JANELA_ADMIN_TOKEN}, else one made and
 * printed once, on first start), an admin user who signs in to the web pages ({@code JANELA_ADMIN_EMAIL}, with
 * {@code JANELA_ADMIN_PASSWORD} or a password printed once), and the webhook secrets the environment does not give.
 * Secrets are printed on standard output once, never logged.
 */
@Component
class Bootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private final Accounts accounts;
    private final Users users;
    private final Passwords passwords;
    private final ApiTokens tokens;
    private final WebhookSecrets secrets;
    private final FirstStart settings;

    Bootstrap(Accounts accounts, Users users, Passwords passwords, ApiTokens tokens, WebhookSecrets secrets,
            FirstStart settings) {
        this.accounts = accounts;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.secrets = secrets;
        this.settings = settings;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Transactional
    public void setUp(ApplicationReadyEvent ready) {
        long account = accounts.findDefault().orElseGet(() -> accounts.create("Default"));
        StringBuilder shownOnce = new StringBuilder();
        if (settings.adminToken().isPresent()) {
            tokens.register(account, "admin (JANELA_ADMIN_TOKEN)", Role.ADMIN, settings.adminToken().get(),
                    Accounts.JANELA);
        } else if (!tokens.anyFor(account)) {
            String token = tokens.generate();
            tokens.register(account, "admin (first start)", Role.ADMIN, token, Accounts.JANELA);
            shownOnce.append("  export JANELA_TOKEN=").append(token).append('\n');
        }
        if (!users.anyIn(account)) {
            addAdmin(account).ifPresent(shownOnce::append);
        }
        secrets.generateMissing().ifPresent(shownOnce::append);
        String url = "http://localhost:" + port(ready);
        LOG.info("Janela is ready on {}", url);
        if (!shownOnce.isEmpty()) {
            System.out.println("\nFirst start: Janela made these secrets. They are shown only this once; keep them"
                    + " (paste the lines into your shell to use them there).\n" + shownOnce
                    + "Sign in at " + url + " with the admin's address and password; send the token as"
                    + " 'Authorization: Bearer $JANELA_TOKEN' to " + url + "/api and /v1.\n");
        }
    }

    /** Adds the first admin user; returns the lines to show once when Janela chose the password. */
    private Optional<String> addAdmin(long account) {
        String email = settings.adminEmail().strip().toLowerCase(Locale.ROOT);
        Optional<String> given = settings.adminPassword();
        given.flatMap(passwords::problem).ifPresent(problem -> {
            throw new IllegalArgumentException("JANELA_ADMIN_PASSWORD " + problem);
        });
        String password = given.orElseGet(passwords::generate);
        users.add(account, email, "Admin", Role.ADMIN, passwords.hash(password), Accounts.JANELA);
        return given.isPresent() ? Optional.empty()
                : Optional.of("  # sign in to the web pages as " + email + " with the password " + password + "\n");
    }

    private static int port(ApplicationReadyEvent ready) {
        return ready.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
    }
}
