/**
 * Who a customer is: a phone number, a business-scoped user ID (BSUID) that Meta gives every WhatsApp user within a
 * business portfolio since 2026, or both. A customer who adopted a username may never show a phone number, so
 * everything keyed on a customer accepts either, and a customer's country comes from whichever is known.
 */
package dev.janela.core.customer;
