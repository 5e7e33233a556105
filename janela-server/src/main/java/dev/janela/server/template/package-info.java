/**
 * The account's message templates and their lifecycle: added and edited against Meta's rules, reviewed (by an
 * operator in the sandbox, by Meta with its connector), paused, resumed, disabled; Meta's verdicts and new
 * categories, by webhook and by sync.
 */
package dev.janela.server.template;
