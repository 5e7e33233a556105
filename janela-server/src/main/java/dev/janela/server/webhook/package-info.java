/**
 * Meta's webhooks: the subscription handshake, and deliveries of customers' messages and of delivery reports,
 * checked against the app secret's signature before anything else and applied once each.
 */
package dev.janela.server.webhook;
