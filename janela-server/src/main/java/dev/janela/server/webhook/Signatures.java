package dev.janela.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw body with the
 * app's secret. Checked over the bytes as received (never a re-serialisation) and compared in constant time.
 */
final class Signatures {
    private static final String PREFIX = "sha256=";

    /** Each thread's HMAC, kept keyed with the last secret it used: finding and keying one costs more than a body. */
    private static final ThreadLocal<Keyed> KEYED = ThreadLocal.withInitial(Keyed::new);

    private Signatures() {
    }

    /** Whether {@code header} is the signature of {@code body} under {@code secret}. */
    static boolean isValid(String header, byte[] body, String secret) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(claimed, hmac(body, secret));
    }

    /** The header value that signs {@code body} under {@code secret}. */
    static String sign(byte[] body, String secret) {
        return PREFIX + HexFormat.of().formatHex(hmac(body, secret));
    }

    private static byte[] hmac(byte[] body, String secret) {
        return KEYED.get().with(secret).doFinal(body);
    }

    private static final class Keyed {
        private final Mac mac;
        private String secret;

        Keyed() {
            try {
                mac = Mac.getInstance("HmacSHA256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has HmacSHA256", e);
            }
        }

        Mac with(String secret) {
            if (!secret.equals(this.secret)) {
                try {
                    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                } catch (InvalidKeyException e) {
                    throw new IllegalStateException("an HMAC takes a key of any length", e);
                }
                this.secret = secret;
            }
            return mac;
        }
    }
}
