/**
 * Message templates: their names and bodies checked against Meta's rules, their parameters counted, and bodies
 * rendered with the values a send gives.
 */
package dev.janela.core.template;
