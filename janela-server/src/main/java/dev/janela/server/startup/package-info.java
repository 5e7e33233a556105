/**
 * What a start sets up before the first request: the default account, its first admin token and admin user, and the
 * webhook secrets the environment does not give; the secrets it makes are printed once.
 */
package dev.janela.server.startup;
