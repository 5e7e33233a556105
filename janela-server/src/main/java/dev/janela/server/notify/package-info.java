/**
 * Webhooks to the business's own systems: an account's subscriptions (a receiver's URL, the events it wants, the
 * secret that signs them), an outbox written in the transaction of each change, and a worker that sends what is due,
 * signed, until each receiver takes it or Janela gives up.
 */
package dev.janela.server.notify;
