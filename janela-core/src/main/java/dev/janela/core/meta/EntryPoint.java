package dev.janela.core.meta;

import dev.janela.core.conversation.CustomerMessage;
import java.time.Duration;
import java.time.Instant;

/**
 * Meta's free entry point: a customer who arrives from a click-to-WhatsApp ad or a Page button, and whom the
 * business answers within 24 hours, opens something free (a conversation, or a window of free messages) at the
 * business's answer. Only the first answer to that arrival does.
 */
final class EntryPoint {
    /** How long after the customer's arrival the business's answer still opens the free entry point. */
    static final Duration ANSWER_WITHIN = Duration.ofHours(24);
    /** How long a free entry point conversation or window lasts from the business's answer (from 2023). */
    static final Duration LENGTH = Duration.ofHours(72);

    private EntryPoint() {
    }

    /** When the customer arrived by an entry point, as of {@code message}: its time if it is such an arrival. */
    static Instant arrival(Instant arrivedAt, CustomerMessage message) {
        return message.referral() ? message.at() : arrivedAt;
    }

    /** Whether a business message at {@code at} answers an arrival at {@code arrivedAt} (null: none) in time. */
    static boolean answeredInTime(Instant arrivedAt, Instant at) {
        return arrivedAt != null && at.isBefore(arrivedAt.plus(ANSWER_WITHIN));
    }
}
