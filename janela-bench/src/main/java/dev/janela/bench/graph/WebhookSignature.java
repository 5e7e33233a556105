package dev.janela.bench.graph;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's signature of a webhook delivery, the value of its {@code X-Hub-Signature-256} header: {@code sha256=} and the
 * HMAC-SHA256 of the body with the app's secret, in hex. Thread-safe; each thread keeps its own {@link Mac}, since a
 * load generator signs every delivery.
 */
public final class WebhookSignature {
    private final ThreadLocal<Mac> macs;

    public WebhookSignature(String appSecret) {
        SecretKeySpec key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> mac(key));
    }

    /** The header's value for {@code body}. */
    public String of(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(macs.get().doFinal(body));
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
