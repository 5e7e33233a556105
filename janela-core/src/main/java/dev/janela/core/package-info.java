/**
 * Janela's domain core: conversations and their windows, the session engine, pricing models, rate cards, markets,
 * money and the offline replay of traffic logs.
 *
 * <p>Plain Java: the only library it uses is libphonenumber. It never reads files, the environment or the system
 * clock; callers hand it values, byte buffers and a {@link java.time.Clock}.
 */
package dev.janela.core;
