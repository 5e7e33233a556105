/**
 * What the HTTP interfaces share: who is calling (bearer tokens), and how errors are answered, in Janela's own shape
 * on the native API and in Meta's envelope on the Cloud-API-compatible one.
 */
package dev.janela.server.web;
