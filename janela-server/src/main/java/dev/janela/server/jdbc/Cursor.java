package dev.janela.server.jdbc;

import dev.janela.server.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of a list ordered by time and id ends: a keyset, so that rows added meanwhile neither repeat nor
 * vanish between pages. Repositories page by it; clients get it as an opaque string ({@link #encode()}) to send back.
 */
public record Cursor(Instant at, long id) {
    public String encode() {
        String text = at.getEpochSecond() + "." + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor {@code text} encodes; empty when there is none.
     *
     * @throws Refusal naming the {@code cursor} field if it is not one this API gave
     */
    public static Optional<Cursor> decode(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("[.:]");
            return Optional.of(new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Long.parseLong(parts[2])));
        } catch (RuntimeException garbled) {
            throw Refusal.invalid("cursor", "is not a cursor this API gave");
        }
    }
}
