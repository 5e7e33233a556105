package dev.janela.server.account;

import dev.janela.server.config.JanelaProperties;
import dev.janela.server.webhook.WebhookSecrets;
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
 * printed once, on first start), and the webhook secrets the environment does not give. Secrets are printed on
 * standard output once, never logged.
 */
@Component
class Bootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);
    /** Who the ledger of writes names for what Janela itself sets up. */
    static final String JANELA = "Janela";

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final WebhookSecrets secrets;
    private final JanelaProperties properties;

    Bootstrap(Accounts accounts, ApiTokens tokens, WebhookSecrets secrets, JanelaProperties properties) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.secrets = secrets;
        this.properties = properties;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Transactional
    public void setUp(ApplicationReadyEvent ready) {
        long account = accounts.findDefault().orElseGet(() -> accounts.create("Default"));
        StringBuilder shownOnce = new StringBuilder();
        if (properties.adminTokenIfSet().isPresent()) {
            tokens.register(account, "admin (JANELA_ADMIN_TOKEN)", Role.ADMIN, properties.adminTokenIfSet().get(),
                    JANELA);
        } else if (!tokens.anyFor(account)) {
            String token = tokens.generate();
            tokens.register(account, "admin (first start)", Role.ADMIN, token, JANELA);
            shownOnce.append("  export JANELA_TOKEN=").append(token).append('\n');
        }
        secrets.generateMissing().ifPresent(shownOnce::append);
        String url = "http://localhost:" + port(ready);
        LOG.info("Janela is ready on {}", url);
        if (!shownOnce.isEmpty()) {
            System.out.println("\nFirst start: Janela made these secrets. They are shown only this once; keep them"
                    + " (paste the lines into your shell to use them there).\n" + shownOnce
                    + "Send the token as 'Authorization: Bearer $JANELA_TOKEN' to " + url + "/api and /v1.\n");
        }
    }

    private static int port(ApplicationReadyEvent ready) {
        return ready.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
    }
}
