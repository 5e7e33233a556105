/**
 * Campaigns: a template sent to a list of recipients, each with its parameters' values. A campaign is created whole
 * from its list, estimated before it starts (what it would cost, and whom it would skip and why), then started now
 * or at a later time, paused, resumed or cancelled. Sending its recipients is the runner's.
 */
package dev.janela.server.campaign;
