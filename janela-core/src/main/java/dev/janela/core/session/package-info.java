/**
 * Janela's default pricing model, {@code session}: two session types, one charge per session start, priced by type
 * and by the country where the business is registered. The rules R1-R12 (listed in the README) are implemented here
 * and in the engine; each is named where it is applied.
 */
package dev.janela.core.session;
