package dev.janela.core;

/**
 * Stable codes for every failure the core reports. Adapters map each code to their own vocabulary (an HTTP status,
 * an exit status) in one table; codes are never reused or renumbered.
 */
public enum ErrorCode {
    /** A rate card file is malformed: the message names file, line and field. */
    INVALID_RATE_CARD,
    /** A markets file is malformed: the message names file, line and field. */
    INVALID_MARKETS_FILE,
    /** One event of a traffic log is malformed. */
    INVALID_EVENT,
    /** No rate card in force has a price for a market and category, not even in its {@code *} row. */
    PRICE_MISSING,
    /** No rate card version is in force at an event's time. */
    NO_RATE_CARD_IN_FORCE,
    /** Two amounts in different currencies were combined. */
    CURRENCY_MISMATCH,
    /** An amount outgrew what Janela can represent exactly. */
    AMOUNT_OVERFLOW,
    /** A template's name or body breaks Meta's rules. */
    INVALID_TEMPLATE,
    /** A volume tiers file is malformed: the message names file, line and field. */
    INVALID_VOLUME_TIERS,
    /** A pricing plan file is malformed: the message names file, line and field. */
    INVALID_PRICING_PLAN,
    /** A campaign's list of recipients is malformed: the message names every bad line and field. */
    INVALID_RECIPIENT_LIST,
}
