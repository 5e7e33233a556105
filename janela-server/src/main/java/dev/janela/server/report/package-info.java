/** What the ledger adds up to: costs by day, month, market, category and channel, and sessions against refusals. */
package dev.janela.server.report;
