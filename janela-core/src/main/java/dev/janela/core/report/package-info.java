/**
 * How a replay's results are written for their readers, kept apart from the replay that computes them: the JSON
 * object scripts read and the table people read, for one pricing model ({@link dev.janela.core.report.ReplayReport})
 * or several side by side ({@link dev.janela.core.report.ComparisonReport}), and the ledger as CSV
 * ({@link dev.janela.core.report.LedgerCsv}). {@link dev.janela.core.report.CsvField} quotes a field for any CSV
 * Janela writes, so every CSV quotes alike; {@link dev.janela.core.report.InstantText} writes the server's instants,
 * in its JSON and its CSV, to one precision.
 */
package dev.janela.core.report;
