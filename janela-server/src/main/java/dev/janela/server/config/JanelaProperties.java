package dev.janela.server.config;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Janela's settings, from {@code janela.*} properties or the matching environment variables ({@code JANELA_DB_URL}
 * for {@code janela.db.url}...). Secrets are never printed: {@link #toString()} hides them.
 *
 * @param dataDir where the embedded database lives when no external one is named (default {@code ./data})
 * @param db an external database; when its URL is empty the embedded H2 database is used
 * @param adminToken a bearer token to register as the default account's admin token on first start; without one,
 *     a token is generated and printed once
 * @param adminEmail the address of the admin user made on first start, who signs in to the web pages
 * @param adminPassword that admin's password; without one, a password is generated and printed once
 * @param meta the secrets Meta's webhooks are checked with
 * @param connector how accepted messages reach WhatsApp: {@code sandbox} (default) delivers them to nobody and
 *     reports them sent, delivered and read
 * @param demo whether to give the default account a demo channel with customers in every state ({@code --demo})
 */
@ConfigurationProperties("janela")
public record JanelaProperties(@DefaultValue("data") Path dataDir, @DefaultValue Database db, String adminToken,
        @DefaultValue("admin@janela.local") String adminEmail, String adminPassword, @DefaultValue Meta meta,
        @DefaultValue("sandbox") String connector, @DefaultValue("false") boolean demo) {

    public JanelaProperties {
        if (!"sandbox".equals(connector)) {
            throw new IllegalArgumentException("JANELA_CONNECTOR is '" + connector + "'; the connector Janela has is"
                    + " 'sandbox'");
        }
    }

    public Optional<String> adminTokenIfSet() {
        return Optional.ofNullable(adminToken).filter(token -> !token.isBlank());
    }

    public Optional<String> adminPasswordIfSet() {
        return Optional.ofNullable(adminPassword).filter(password -> !password.isBlank());
    }

    @Override
    public String toString() {
        return "JanelaProperties[dataDir=" + dataDir + ", db=" + db + ", adminToken=" + (adminToken == null ? "unset"
                : "***") + ", adminEmail=" + adminEmail + ", adminPassword=" + (adminPassword == null ? "unset"
                : "***") + ", meta=" + meta + ", connector=" + connector + ", demo=" + demo + "]";
    }

    /**
     * An external database ({@code JANELA_DB_URL}, {@code JANELA_DB_USER}, {@code JANELA_DB_PASSWORD}).
     *
     * @param url a JDBC URL such as {@code jdbc:postgresql://localhost/janela}; empty for the embedded database
     */
    public record Database(String url, String user, String password) {
        public boolean isExternal() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            return "Database[url=" + (isExternal() ? url : "embedded") + ", user=" + user + ", password="
                    + (password == null ? "unset" : "***") + "]";
        }
    }

    /**
     * Meta's webhook secrets ({@code JANELA_META_APP_SECRET}, {@code JANELA_META_VERIFY_TOKEN}). Without them, Janela
     * generates its own on first start and prints them once.
     */
    public record Meta(String appSecret, String verifyToken) {
        @Override
        public String toString() {
            return "Meta[appSecret=" + (appSecret == null ? "unset" : "***") + ", verifyToken="
                    + (verifyToken == null ? "unset" : "***") + "]";
        }
    }
}
