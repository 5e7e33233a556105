/**
 * The service's settings, bound and checked once and handed to the rest as typed values ({@code JanelaProperties}'
 * parts, {@code FirstStart}, {@code DeliverySettings}, {@code CampaignSettings}, the connector conditions), and the
 * beans built from them: the database and the clock; and what a start that fails on them (a data directory or a port
 * in use) says. Part of the kernel: it knows no feature.
 */
package dev.janela.server.config;
