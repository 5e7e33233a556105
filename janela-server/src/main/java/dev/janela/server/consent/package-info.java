/** Marketing consent: customers who opted out of marketing templates, and the account's cap on them. */
package dev.janela.server.consent;
