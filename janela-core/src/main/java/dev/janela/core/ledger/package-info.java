/**
 * The append-only ledger's rows. A charge is never changed or deleted; a correction is a new row (a reversal with a
 * negative amount). A row is unique by its cause: the event that caused it and its kind.
 */
package dev.janela.core.ledger;
