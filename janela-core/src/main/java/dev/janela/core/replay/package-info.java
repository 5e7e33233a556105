/**
 * Offline rating of a recorded traffic log (JSON Lines): how a business checks an invoice, compares pricing models
 * or estimates what a month of traffic costs. Lines are parsed in parallel, duplicates dropped by id in file order,
 * events rated in time order (ties keep file order) through the one engine, and the charges summed exactly.
 */
package dev.janela.core.replay;
