/**
 * The shared inbox: a channel's conversations, their messages, who answers them, and the team's notes
 * ({@link dev.janela.server.inbox.SharedInbox}), in the API and in the pages, with the composer that sends as a Cloud
 * API client would.
 */
package dev.janela.server.inbox;
