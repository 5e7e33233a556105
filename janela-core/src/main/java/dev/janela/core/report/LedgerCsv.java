package dev.janela.core.report;

import dev.janela.core.ledger.Charge;

/**
 * The ledger as CSV, one charge a line: {@code event_id,at,channel,customer,market,category,amount,currency}.
 * Fields are quoted as RFC 4180 says where they need it ({@link CsvField}); amounts are plain decimals, negative for
 * reversals. The event id and the market come from the log and the markets file: one that a spreadsheet would run
 * as a formula is written as text ({@link CsvField#text}).
 */
public final class LedgerCsv {
    /** The header line, without its line break. */
    public static final String HEADER = "event_id,at,channel,customer,market,category,amount,currency";

    private LedgerCsv() {
    }

    /** One charge as a CSV line, without its line break, with amounts shown with {@code scale} digits. */
    public static String row(Charge charge, int scale) {
        return CsvField.text(charge.eventId()) + ',' + charge.at() + ',' + charge.conversation().channel() + ','
                + charge.conversation().customer() + ',' + CsvField.text(charge.market()) + ','
                + charge.category().wireName() + ','
                + charge.amount().toPlainString(Math.max(scale, charge.amount().minimumScale())) + ','
                + charge.amount().currency().getCurrencyCode();
    }
}
