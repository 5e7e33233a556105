package dev.janela.server.ledger;

import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Page;
import java.util.List;

/** A page of charges as the API and the Billing page show it, and the cursor of the next; null after the last. */
record ChargePage(List<ChargeView> charges, String next) {
    static ChargePage of(Page<ChargeQuery.Row> page) {
        return new ChargePage(page.items().stream().map(ChargeView::of).toList(),
                page.next().map(Cursor::encode).orElse(null));
    }
}
