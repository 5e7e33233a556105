package dev.janela.server.ledger;

import dev.janela.core.report.CsvField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The ledger as CSV, a charge a line, as the API's CSV and the Billing page's download give it. */
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
            out.write(String.join(",", Long.toString(view.id()), CsvField.of(view.eventId()),
                    view.at().toString(), CsvField.of(view.channel()), view.customer(),
                    CsvField.of(view.market()), view.category(), view.amount(), view.currency(),
                    CsvField.of(view.rateCardVersion()), CsvField.of(view.cause())));
            out.write('\n');
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
