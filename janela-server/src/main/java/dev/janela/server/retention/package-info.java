/**
 * What Janela keeps, and for how long: markers that only guard against repeats (webhook events applied, idempotency
 * keys answered) are forgotten once no repeat may come.
 */
package dev.janela.server.retention;
