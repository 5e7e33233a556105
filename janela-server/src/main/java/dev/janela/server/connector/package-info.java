/** How accepted messages reach WhatsApp: the sandbox, which delivers them to nobody, and later Meta's Cloud API. */
package dev.janela.server.connector;
