package dev.janela.server.webhook;

import dev.janela.server.account.ApiTokens;
import dev.janela.server.config.JanelaProperties;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secrets Meta's webhooks are checked with: the app secret that signs each delivery, and the verify token of the
 * subscription handshake. From {@code JANELA_META_APP_SECRET} and {@code JANELA_META_VERIFY_TOKEN} when set; else
 * Janela generates its own on first start, keeps them in its database and prints them once, so that the sandbox
 * works with no set-up.
 */
@Component
public class WebhookSecrets {
    static final String APP_SECRET = "meta.app_secret";
    static final String VERIFY_TOKEN = "meta.verify_token";

    private final JdbcClient jdbc;
    private final JanelaProperties.Meta configured;
    private final ApiTokens tokens;
    /** The secrets read from the store: made once and never changed, they are read once, not at every delivery. */
    private final Map<String, String> stored = new ConcurrentHashMap<>();

    WebhookSecrets(JdbcClient jdbc, JanelaProperties.Meta configured, ApiTokens tokens) {
        this.jdbc = jdbc;
        this.configured = configured;
        this.tokens = tokens;
    }

    public String appSecret() {
        return resolve(configured.appSecret(), APP_SECRET);
    }

    public String verifyToken() {
        return resolve(configured.verifyToken(), VERIFY_TOKEN);
    }

    /**
     * Makes up the secrets the environment does not give, once.
     *
     * @return the secrets made now, by setting name, to be shown to the user; empty when none was made
     */
    public Optional<String> generateMissing() {
        StringBuilder made = new StringBuilder();
        if (isBlank(configured.appSecret()) && stored(APP_SECRET).isEmpty()) {
            store(APP_SECRET, tokens.generate());
            made.append("  export JANELA_META_APP_SECRET=").append(appSecret()).append('\n');
        }
        if (isBlank(configured.verifyToken()) && stored(VERIFY_TOKEN).isEmpty()) {
            store(VERIFY_TOKEN, tokens.generate());
            made.append("  export JANELA_META_VERIFY_TOKEN=").append(verifyToken()).append('\n');
        }
        return made.isEmpty() ? Optional.empty() : Optional.of(made.toString());
    }

    private String resolve(String fromEnvironment, String setting) {
        if (!isBlank(fromEnvironment)) {
            return fromEnvironment;
        }
        return stored(setting).orElseThrow(() -> new IllegalStateException(setting + " is neither configured nor"
                + " generated; the first start should have made it"));
    }

    private Optional<String> stored(String setting) {
        String known = stored.get(setting);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> read = jdbc.sql("select setting_value from server_settings where setting = :setting")
                .param("setting", setting).query(String.class).optional();
        read.ifPresent(value -> stored.put(setting, value));
        return read;
    }

    private void store(String setting, String value) {
        jdbc.sql("insert into server_settings (setting, setting_value) values (:setting, :value)")
                .param("setting", setting).param("value", value).update();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
