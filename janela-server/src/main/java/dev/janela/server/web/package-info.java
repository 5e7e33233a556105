/**
 * What the HTTP interfaces share: who is calling (bearer tokens, the caller of each request), each endpoint's
 * roles, the size of a request, and how every refusal is answered, in one table: in Janela's own shape on the native
 * API and in Meta's envelope on the Cloud-API-compatible one. Knows no feature.
 */
package dev.janela.server.web;
