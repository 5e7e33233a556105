package dev.janela.server.webhook;

import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Page;
import java.time.Instant;
import java.util.List;

/**
 * A page of quarantined webhook items, as the API and the Quarantine page show it, newest first, and the cursor of
 * the next page (null after the last).
 */
record QuarantineView(List<ItemView> items, String next) {
    /**
     * An item Janela could never store.
     *
     * @param item its JSON, as Meta sent it
     */
    record ItemView(long id, Instant receivedAt, String phoneNumberId, String kind, String reason, String item) {
    }

    static QuarantineView of(Page<Quarantine.Quarantined> page) {
        return new QuarantineView(page.items().stream().map(item -> new ItemView(item.id(), item.receivedAt(),
                item.phoneNumberId().orElse(null), item.kind(), item.reason(), item.item())).toList(),
                page.next().map(Cursor::encode).orElse(null));
    }
}
