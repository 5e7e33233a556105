package dev.janela.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Settings can be printed (Spring does, on a failed start) without printing a secret. */
class JanelaPropertiesTest {
    @Test
    void printedSettings_hideEverySecret() {
        JanelaProperties properties = new JanelaProperties(Path.of("data"),
                new JanelaProperties.Database("jdbc:postgresql://db/janela", "janela", "db-password"),
                "jnl_admin-token", "admin@example.com", "admin-password-1",
                new JanelaProperties.Meta("app-secret", "verify-token", URI.create("http://graph.test"), "v24.0",
                        "EAAG-access-token", null), "meta", false);

        assertThat(properties.toString()).contains("jdbc:postgresql://db/janela").doesNotContain("db-password",
                "jnl_admin-token", "admin-password-1", "app-secret", "verify-token", "EAAG-access-token");
    }

    @Test
    void theMetaConnector_needsAnAccessToken_andSaysWhichVariable() {
        JanelaProperties.Meta noToken = new JanelaProperties.Meta(null, null, URI.create("http://graph.test"),
                "v24.0", " ", null);

        assertThatThrownBy(() -> new JanelaProperties(Path.of("data"), new JanelaProperties.Database(null, null,
                null), null, "admin@example.com", null, noToken, "meta", false))
                .hasMessageContaining("JANELA_META_ACCESS_TOKEN");
        assertThatThrownBy(() -> new JanelaProperties(Path.of("data"), new JanelaProperties.Database(null, null,
                null), null, "admin@example.com", null, noToken, "cloud", false))
                .hasMessageContaining("'sandbox' and 'meta'");
        JanelaProperties.Meta withToken = new JanelaProperties.Meta(null, null, null, null, "EAAG-token", null);
        assertThatThrownBy(() -> new JanelaProperties(Path.of("data"), new JanelaProperties.Database(null, null,
                null), null, "admin@example.com", null, withToken, "meta", true)).hasMessageContaining("--demo");
    }

    @Test
    void aLoggedDatabaseUrl_dropsItsQuery_whereAPasswordMayBe() {
        assertThat(DatabaseConfiguration.redacted("jdbc:postgresql://db/janela?user=j&password=secret"))
                .isEqualTo("jdbc:postgresql://db/janela?***");
        assertThat(DatabaseConfiguration.redacted("jdbc:postgresql://db/janela"))
                .isEqualTo("jdbc:postgresql://db/janela");
    }
}
