package dev.janela.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Janela's settings, from {@code janela.*} properties or the matching environment variables ({@code JANELA_DB_URL}
 * for {@code janela.db.url}...). Secrets are never printed: {@link #toString()} hides them.
 *
 * @param dataDir where the embedded database lives when no external one is named (default {@code ./data})
 * @param db an external database; when its URL is empty the embedded SQLite database in {@code dataDir}
 *     is used
 * @param adminToken a bearer token to register as the default account's admin token on first start; without one,
 *     a token is generated and printed once
 * @param adminEmail the address of the admin user made on first start, who signs in to the web pages
 * @param adminPassword that admin's password; without one, a password is generated and printed once
 * @param meta Meta's secrets and where its Graph API is
 * @param connector how accepted messages reach WhatsApp: {@code sandbox} (default) delivers them to nobody and
 *     reports them sent, delivered and read; {@code meta} sends them through Meta's Cloud API
 * @param demo whether to give the default account a demo channel with customers in every state ({@code --demo})
 */
@ConfigurationProperties("janela")
public record JanelaProperties(@DefaultValue("data") Path dataDir, @DefaultValue Database db, String adminToken,
        @DefaultValue("admin@janela.local") String adminEmail, String adminPassword, @DefaultValue Meta meta,
        @DefaultValue("sandbox") String connector, @DefaultValue("false") boolean demo) {

    public JanelaProperties {
        if (!"sandbox".equals(connector) && !"meta".equals(connector)) {
            throw new IllegalArgumentException("JANELA_CONNECTOR is '" + connector + "'; Janela's connectors are"
                    + " 'sandbox' and 'meta'");
        }
        if ("meta".equals(connector) && demo) {
            throw new IllegalArgumentException("--demo makes up customers for the sandbox; with JANELA_CONNECTOR=meta"
                    + " its messages would go to Meta");
        }
        if ("meta".equals(connector) && (meta.accessToken() == null || meta.accessToken().isBlank())) {
            throw new IllegalArgumentException("JANELA_CONNECTOR is 'meta' but JANELA_META_ACCESS_TOKEN is not set:"
                    + " Janela needs a system user's access token to call Meta's Cloud API");
        }
    }

    public ConnectorKind connectorKind() {
        return "meta".equals(connector) ? ConnectorKind.META : ConnectorKind.SANDBOX;
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
     * Meta: the webhook secrets ({@code JANELA_META_APP_SECRET}, {@code JANELA_META_VERIFY_TOKEN}; without them,
     * Janela generates its own on first start and prints them once), and for the {@code meta} connector where the
     * Graph API is and the token to call it with.
     *
     * @param baseUrl the Graph API's address ({@code JANELA_META_BASE_URL}), Meta's own by default
     * @param apiVersion the Graph API version every call names ({@code JANELA_META_API_VERSION})
     * @param accessToken a system user's token ({@code JANELA_META_ACCESS_TOKEN}), sent only to {@code baseUrl}
     * @param sending how the {@code meta} connector paces, retries and waits
     */
    public record Meta(String appSecret, String verifyToken, URI baseUrl, String apiVersion, String accessToken,
            Sending sending) {
        // Defaults are set here rather than with @DefaultValue: Spring cannot make the default of a record whose
        // own parameters have defaults, as janela.meta is when the environment sets none of it.
        public Meta {
            baseUrl = baseUrl != null ? baseUrl : URI.create("https://graph.facebook.com");
            apiVersion = apiVersion != null && !apiVersion.isBlank() ? apiVersion : "v24.0";
            sending = sending != null ? sending : new Sending(null, null, null, null, null, null, null, null, null,
                    null, null);
        }

        @Override
        public String toString() {
            return "Meta[appSecret=" + (appSecret == null ? "unset" : "***") + ", verifyToken="
                    + (verifyToken == null ? "unset" : "***") + ", baseUrl=" + baseUrl + ", apiVersion=" + apiVersion
                    + ", accessToken=" + (accessToken == null ? "unset" : "***") + ", sending=" + sending + "]";
        }
    }

    /**
     * How the {@code meta} connector sends ({@code janela.meta.sending.*}). A channel's throughput is a setting of
     * the channel.
     *
     * @param pairInterval Meta's pair limit: one message to the same customer this often, on average
     * @param pairBurst how many messages to one customer may go at once, borrowing from the pair limit
     * @param maxQueueWait a send that would wait longer than this for the limits is refused with Meta's limit
     *     error, rather than queued
     * @param attempts how often a send Meta throttled, or could not take, is tried before it fails
     * @param retryBase the first retry's delay, doubled for each further one, with jitter
     * @param retryCap the longest delay between two tries
     * @param timeout how long Meta has to answer a send; without an answer the message is {@code unknown}
     * @param unknownDeadline how long a message may stay {@code unknown} before it is flagged for an operator
     * @param templateSync how often templates' statuses and categories are fetched from Meta
     * @param dispatcher whether threads of Janela's own send the queue and sync templates (tests drive them)
     * @param throughputMargin how much the time a request takes to reach Meta may vary: a number's throughput is kept
     *     over every second widened by it, so that requests bunched on their way do not reach Meta more in a second
     */
    public record Sending(Duration pairInterval, Integer pairBurst, Duration maxQueueWait, Integer attempts,
            Duration retryBase, Duration retryCap, Duration timeout, Duration unknownDeadline, Duration templateSync,
            Boolean dispatcher, Duration throughputMargin) {
        public Sending {
            pairInterval = pairInterval != null ? pairInterval : Duration.ofSeconds(6);
            pairBurst = pairBurst != null ? pairBurst : 45;
            maxQueueWait = maxQueueWait != null ? maxQueueWait : Duration.ofMinutes(10);
            attempts = attempts != null ? attempts : 8;
            retryBase = retryBase != null ? retryBase : Duration.ofSeconds(2);
            retryCap = retryCap != null ? retryCap : Duration.ofMinutes(5);
            timeout = timeout != null ? timeout : Duration.ofSeconds(10);
            unknownDeadline = unknownDeadline != null ? unknownDeadline : Duration.ofMinutes(15);
            templateSync = templateSync != null ? templateSync : Duration.ofMinutes(15);
            dispatcher = dispatcher == null || dispatcher;
            throughputMargin = throughputMargin != null ? throughputMargin : Duration.ofMillis(200);
            if (throughputMargin.isNegative() || throughputMargin.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException("janela.meta.sending.throughput-margin must be from 0s to 1s, was "
                        + throughputMargin);
            }
        }
    }
}
