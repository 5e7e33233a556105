package dev.janela.server.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The table of {@code Idempotency-Key}s: claimed once, answered from what was kept, freed on failure. */
@JanelaServerTest
class IdempotencyKeysTest {
    private static final String HASH = "a".repeat(64);

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;

    private Api api;

    @Autowired
    private IdempotencyKeys keys;

    @BeforeEach
    void newAccount() {
        api = server.newAccount();
    }

    @Test
    void aKeptAnswer_isGivenAgain_forTheSameRequestOnly() {
        assertThat(keys.claim(api.accountId(), "k1", HASH)).isEmpty();
        keys.keep(api.accountId(), "k1", 200, "{\"ok\":true}");

        assertThat(keys.claim(api.accountId(), "k1", HASH)).contains(new IdempotencyKeys.Answer(200,
                "{\"ok\":true}"));
        assertThatThrownBy(() -> keys.claim(api.accountId(), "k1", "b".repeat(64)))
                .isInstanceOfSatisfying(Refusal.class, refused ->
                        assertThat(refused.reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED));
        assertThat(keys.claim(server.newAccount().accountId(), "k1", HASH)).isEmpty();
    }

    @Test
    void aKeyInFlight_isBusy_untilReleasedOrAbandoned() {
        keys.claim(api.accountId(), "k2", HASH);

        assertThatThrownBy(() -> keys.claim(api.accountId(), "k2", HASH))
                .isInstanceOfSatisfying(Refusal.class, refused ->
                        assertThat(refused.reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_IN_FLIGHT));
        keys.release(api.accountId(), "k2");
        assertThat(keys.claim(api.accountId(), "k2", HASH)).isEmpty();

        clock.advance(Duration.ofSeconds(59));
        assertThatThrownBy(() -> keys.claim(api.accountId(), "k2", HASH)).isInstanceOf(Refusal.class);
        clock.advance(Duration.ofSeconds(2));
        assertThat(keys.claim(api.accountId(), "k2", HASH)).as("abandoned after a minute").isEmpty();
    }
}
