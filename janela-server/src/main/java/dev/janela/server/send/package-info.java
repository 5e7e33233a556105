/** Messages in both directions, their delivery states, and the Cloud-API-compatible send endpoint. */
package dev.janela.server.send;
