/**
 * The {@code janela} command: parses options, reads files, runs the core, prints results. Every user error ends in
 * exit status 2 and one line on standard error naming the problem.
 */
package dev.janela.cli;
