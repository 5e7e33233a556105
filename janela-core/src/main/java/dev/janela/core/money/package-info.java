/** Exact amounts of money: millionths of a currency unit in a {@code long}, never floating point. */
package dev.janela.core.money;
