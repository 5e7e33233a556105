/**
 * Pricing models: the rules that decide which accepted events are charged and at which category. The window logic
 * (what may be sent when) is common to all models and lives in the engine; a model only sees events the engine has
 * accepted, with whether the window was open.
 */
package dev.janela.core.pricing;
