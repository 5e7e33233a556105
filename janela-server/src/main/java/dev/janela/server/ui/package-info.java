/**
 * The web pages' building blocks: the {@link dev.janela.server.ui.WebPages} stereotype, forms that show a refusal,
 * errors shown as pages, htmx, periods, amounts and the pages' languages. Each feature's pages live in the feature's
 * package, beside its API, and call the same services.
 */
package dev.janela.server.ui;
