/** Trying Janela without Meta: customers played by a person, and a demo account with a living inbox. */
package dev.janela.server.sandbox;
