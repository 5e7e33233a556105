/**
 * Why Janela refuses what it is asked: a {@link dev.janela.server.refusal.Refusal} with its
 * {@link dev.janela.server.refusal.Reason}, thrown by the services that decide, whoever asked. How a refusal is
 * answered (an HTTP status, the native API's shape, Meta's envelope, a page) is decided once, in {@code web}. Part
 * of the kernel: it knows no feature and no HTTP.
 */
package dev.janela.server.refusal;
