/**
 * How accepted messages reach WhatsApp: the sandbox, which reports each one sent, delivered and read without reaching
 * anyone; or Meta's Cloud API, through a durable queue paced by Meta's limits, each answer settled by its outcome.
 */
package dev.janela.server.connector;
