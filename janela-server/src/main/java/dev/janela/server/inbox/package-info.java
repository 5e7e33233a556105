/** The shared inbox's data: a channel's conversations, their messages, who answers them, and the team's notes. */
package dev.janela.server.inbox;
