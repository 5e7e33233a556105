package dev.janela.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings that cannot work are refused when Janela starts, naming the key to fix. */
class DeliverySettingsTest {
    private static final Duration SECONDS_10 = Duration.ofSeconds(10);
    private static final Duration MONTH = Duration.ofDays(30);

    @Test
    void noAttemptAtAll_isRefused_namingTheKey() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                new DeliverySettings(true, SECONDS_10, SECONDS_10, SECONDS_10, SECONDS_10, Duration.ofHours(1), 0,
                        MONTH));

        assertThat(refused).hasMessage("janela.webhooks.max-attempts must be at least 1, was 0");
    }

    @Test
    void aLongestWaitShorterThanTheFirst_isRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                new DeliverySettings(true, SECONDS_10, SECONDS_10, SECONDS_10, Duration.ofMinutes(5),
                        Duration.ofMinutes(1), 32, MONTH));

        assertThat(refused).hasMessageContaining("janela.webhooks.max-retry-delay");
    }

    @Test
    void aLogKeptForNoTime_isRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                new DeliverySettings(true, SECONDS_10, SECONDS_10, SECONDS_10, SECONDS_10, Duration.ofHours(1), 32,
                        Duration.ZERO));

        assertThat(refused).hasMessageContaining("janela.webhooks.keep-for");
    }

    @Test
    void aTimeoutOfZero_isRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                new DeliverySettings(true, SECONDS_10, SECONDS_10, Duration.ZERO, SECONDS_10, Duration.ofHours(1), 32,
                        MONTH));

        assertThat(refused).hasMessageContaining("janela.webhooks.request-timeout");
    }
}
