/**
 * Sending: the Cloud-API-compatible send endpoint, whose requests are read and refused as Meta would, decided by the
 * conversation's engine, stored, and handed to the connector; and the {@code Idempotency-Key}s that make a retried
 * send answer once and charge once.
 */
package dev.janela.server.send;
