package dev.janela.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The signature header, against a value computed apart, as the README shows receivers:
 * {@code printf '%s' '1700000000.{"id":"evt_example","type":"message.received"}' | openssl dgst -sha256 -hmac
 * whsec_example}.
 */
class EventSignaturesTest {
    private static final String OPENSSL = "1be90b7746f4e29d86c804e6b0a608ffed7c36f6516107219a76a9ba9bc32609";

    @Test
    void sign_isTheHmacOfTheSecondsADotAndTheBody_asOpensslComputesIt() {
        byte[] body = "{\"id\":\"evt_example\",\"type\":\"message.received\"}".getBytes(StandardCharsets.UTF_8);

        String header = EventSignatures.sign(body, Instant.ofEpochSecond(1_700_000_000L, 999_000_000), "whsec_example");

        assertThat(header).isEqualTo("t=1700000000,v1=" + OPENSSL);
    }
}
