/** What the repositories share when they talk to the database. */
package dev.janela.server.jdbc;
