package dev.janela.server.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of an event sent to a receiver: {@code X-Janela-Signature-256: t=<unix seconds>,v1=<hex>}, where the
 * hex is the HMAC-SHA256, under the subscription's secret, of the time, a dot and the raw body. The time is signed
 * with the body so that a receiver can refuse an old delivery replayed by someone who recorded it.
 */
final class EventSignatures {
    static final String HEADER = "X-Janela-Signature-256";

    private EventSignatures() {
    }

    /** The header's value for {@code body} sent at {@code at}. */
    static String sign(byte[] body, Instant at, String secret) {
        long seconds = at.getEpochSecond();
        return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(hmac(seconds, body, secret));
    }

    private static byte[] hmac(long seconds, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
