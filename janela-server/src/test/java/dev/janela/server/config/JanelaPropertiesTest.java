package dev.janela.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Settings can be printed (Spring does, on a failed start) without printing a secret. */
class JanelaPropertiesTest {
    @Test
    void printedSettings_hideEverySecret() {
        JanelaProperties properties = new JanelaProperties(Path.of("data"),
                new JanelaProperties.Database("jdbc:postgresql://db/janela", "janela", "db-password"),
                "jnl_admin-token", "admin@example.com", "admin-password-1",
                new JanelaProperties.Meta("app-secret", "verify-token"), "sandbox", false);

        assertThat(properties.toString()).contains("jdbc:postgresql://db/janela").doesNotContain("db-password",
                "jnl_admin-token", "admin-password-1", "app-secret", "verify-token");
    }

    @Test
    void aLoggedDatabaseUrl_dropsItsQuery_whereAPasswordMayBe() {
        assertThat(DatabaseConfiguration.redacted("jdbc:postgresql://db/janela?user=j&password=secret"))
                .isEqualTo("jdbc:postgresql://db/janela?***");
        assertThat(DatabaseConfiguration.redacted("jdbc:postgresql://db/janela"))
                .isEqualTo("jdbc:postgresql://db/janela");
    }
}
