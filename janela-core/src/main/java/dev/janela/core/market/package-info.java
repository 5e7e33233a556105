/**
 * Markets: what a price depends on besides the category. A market is an ISO 3166 country ({@code BR}) or a named
 * region ({@code Rest of Latin America}) that a markets file maps countries to. Which number's country counts, the
 * business's or the customer's, is the {@link dev.janela.core.market.MarketBasis}.
 */
package dev.janela.core.market;
