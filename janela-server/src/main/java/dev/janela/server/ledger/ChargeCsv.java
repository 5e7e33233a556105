package dev.janela.server.ledger;

import dev.janela.core.report.CsvField;
import dev.janela.core.report.InstantText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The ledger as CSV, a charge a line, as the API's CSV and the Billing page's download give it. What came from outside
 * Janela (event ids, channels' ids, markets, causes) is written so that a spreadsheet shows it and never runs it
 * ({@link CsvField#text}); what Janela formats (the customer's E.164 number, amounts, negative for a reversal, and the
 * time, as the JSON writes it: {@link InstantText}) is written as it is.
 */
final class ChargeCsv {
    static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    static final String DISPOSITION = "attachment; filename=\"charges.csv\"";
    private static final String HEADER =
            "id,event_id,at,channel,customer,market,category,amount,currency,rate_card_version,cause";

    private ChargeCsv() {
    }

    /** Writes the header and every charge selected, in order. */
    static void write(Writer out, Charges charges, Charges.Selection selection) throws IOException {
        out.write(HEADER + "\n");
        try {
            charges.forEach(selection, row -> line(out, ChargeView.of(row)));
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
        out.flush();
    }

    private static void line(Writer out, ChargeView view) {
        try {
            out.write(String.join(",", Long.toString(view.id()), CsvField.text(view.eventId()),
                    InstantText.of(view.at()), CsvField.text(view.channel()), view.customer(),
                    CsvField.text(view.market()), view.category(), view.amount(), view.currency(),
                    CsvField.of(view.rateCardVersion()), CsvField.text(view.cause())));
            out.write('\n');
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
