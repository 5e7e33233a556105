/** Rate card versions, uploaded as CSV, and each account's price book built from them. */
package dev.janela.server.ratecard;
