package dev.janela.server.ledger;

import java.time.Instant;

/** A charge as the API and the Billing page show it; {@code amount} is a decimal string, negative for a reversal. */
record ChargeView(long id, String eventId, Instant at, String channel, String customer, String market,
        String category, String amount, String currency, String rateCardVersion, String cause) {
    static ChargeView of(ChargeQuery.Row row) {
        return new ChargeView(row.id(), row.eventId(), row.at(), row.channel(), row.customer(), row.market(),
                row.category(), Ledger.decimal(row.amountMicros(), 4), row.currency(), row.rateCardVersion(),
                row.cause());
    }
}
