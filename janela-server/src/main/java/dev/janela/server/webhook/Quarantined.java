package dev.janela.server.webhook;

import dev.janela.server.access.Caller;
import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Page;
import dev.janela.server.refusal.Fields;
import org.springframework.stereotype.Service;

/** The account's quarantined webhook items, as its admins read them, a page at a time. */
@Service
class Quarantined {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final Quarantine quarantine;

    Quarantined(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    /**
     * A page, newest first.
     *
     * @param cursor where the previous page ended, as it gave it; null for the first page
     * @param limit how many a page holds, 50 unless given
     */
    Page<Quarantine.Quarantined> page(Caller caller, String cursor, Integer limit) {
        int size = Fields.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        return Page.of(quarantine.page(caller.accountId(), Cursor.decode(cursor), size + 1), size,
                Quarantine.Quarantined::cursor);
    }
}
