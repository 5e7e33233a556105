/** Channels: the business's WhatsApp numbers, known by Meta's {@code phone_number_id}. */
package dev.janela.server.channel;
