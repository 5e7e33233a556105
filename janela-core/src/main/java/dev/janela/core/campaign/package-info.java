/** A campaign's list of recipients as a user writes it: who receives a template, with its parameters' values. */
package dev.janela.core.campaign;
