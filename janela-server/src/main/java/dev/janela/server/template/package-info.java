/** The account's message templates and their review (approved by hand in the sandbox). */
package dev.janela.server.template;
