/**
 * Rate cards: one price per market and category, in one currency, in force from an instant. A price book holds a
 * rate card's versions and answers the price in force at an event's time, falling back to the card's {@code *} row;
 * a price it cannot find is an error naming market and category, never a silent zero.
 */
package dev.janela.core.ratecard;
