/**
 * The web pages' common parts: signing in (a form, a session cookie, CSRF tokens), who the signed-in user is to the
 * rest of Janela, the layout's account, channel and language, and pages for errors. Each feature's pages live in the
 * feature's package, beside its API, as {@link dev.janela.server.ui.WebPages} controllers.
 */
package dev.janela.server.ui;
