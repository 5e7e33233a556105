/** Running Janela in production: its metrics and its OpenAPI document. */
package dev.janela.server.operations;
