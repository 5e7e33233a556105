package dev.janela.server.report;

import dev.janela.core.report.CsvField;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A cost report as CSV, a group a line, as the API's CSV and the Billing page's download give it. A group's markets
 * and channels came from outside Janela, and are written so that a spreadsheet shows them and never runs them
 * ({@link CsvField#text}); totals, negative when reversals outweigh charges, are written as they are.
 */
final class CostCsv {
    static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    static final String DISPOSITION = "attachment; filename=\"costs.csv\"";
    private static final String COUNTS = "total,currency,charges,reversals,sessions";

    private CostCsv() {
    }

    /** Writes the header, the dimensions' names then the counts, and a line for each group. */
    static void write(Writer out, Reports.Query query, List<CostReports.Group> groups) throws IOException {
        List<String> header = new ArrayList<>(query.groupBy().stream().map(Dimension::wireName).toList());
        header.add(COUNTS);
        out.write(String.join(",", header) + "\n");
        for (CostReports.Group group : groups) {
            List<String> cells = new ArrayList<>(group.key().stream().map(CsvField::text).toList());
            CostView.Sums sums = CostView.Sums.of(List.of(group));
            cells.add(sums.total());
            cells.add(sums.currency() == null ? "" : sums.currency());
            cells.add(Long.toString(sums.charges()));
            cells.add(Long.toString(sums.reversals()));
            cells.add(Long.toString(sums.sessions()));
            out.write(String.join(",", cells) + "\n");
        }
        out.flush();
    }
}
