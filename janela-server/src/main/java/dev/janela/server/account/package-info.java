/** Accounts, their API tokens (kept only as hashes), and what a first start sets up. */
package dev.janela.server.account;
