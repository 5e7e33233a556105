package dev.janela.core.pricing;

import java.util.Locale;
import java.util.Optional;

/**
 * What a charge is priced as: a rate card holds one price per market and category. Each pricing model uses some of
 * these; a rate card may hold prices for several models at once.
 */
public enum Category {
    /** {@code session}: a session the customer started. */
    USER_INITIATED,
    /** {@code session}: a session a template started. */
    BUSINESS_INITIATED,
    /** Meta's marketing templates (conversations or messages). */
    MARKETING,
    /** Meta's utility templates. */
    UTILITY,
    /** Meta's authentication templates. */
    AUTHENTICATION,
    /** Meta's authentication templates to some markets, for eligible businesses based elsewhere. */
    AUTHENTICATION_INTERNATIONAL,
    /** Meta's service conversations, opened by free-form messages (free since 1 Nov 2024); free-form messages. */
    SERVICE,
    /** Meta's free entry point: a conversation, or the messages of a window, that an ad or a page button opened. */
    REFERRAL_CONVERSION;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in rate cards, ledgers and reports ({@code user_initiated}). */
    public String wireName() {
        return wireName;
    }

    /** The category whose {@link #wireName()} is {@code name}. */
    public static Optional<Category> fromWireName(String name) {
        for (Category category : values()) {
            if (category.wireName().equals(name)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
