/** The append-only ledger of charges, and the API that reads it. */
package dev.janela.server.ledger;
