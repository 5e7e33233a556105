/** Accounts, their people and roles, and their API tokens (kept only as hashes). */
package dev.janela.server.account;
