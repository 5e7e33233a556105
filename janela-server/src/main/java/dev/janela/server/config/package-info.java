/** The service's settings and the beans built from them: the database, the clock, the engines. */
package dev.janela.server.config;
