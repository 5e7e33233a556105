package dev.janela.core.replay;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.phone.E164;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives each business-scoped user ID of a log a number, so that every customer fits the log's column of longs: a
 * customer known by phone is the number's digits (positive), one known by a BSUID is minus the BSUID's number.
 * Shared by the threads that parse one log; BSUID lines are the only ones that touch it.
 */
final class BsuidNumbers {
    private final Map<String, Long> numbers = new ConcurrentHashMap<>();
    private final Map<Long, String> bsuids = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();

    /** The customer column's value for {@code bsuid}, a valid BSUID: the same for every line that names it. */
    long customerOf(String bsuid) {
        Long known = numbers.get(bsuid);
        return known != null ? known : numbers.computeIfAbsent(bsuid, unused -> {
            long customer = -count.incrementAndGet();
            bsuids.put(customer, bsuid);
            return customer;
        });
    }

    /** The key of a channel's digits and a customer column's value. */
    ConversationKey key(long channelDigits, long customer) {
        return new ConversationKey(E164.format(channelDigits),
                customer > 0 ? E164.format(customer) : bsuids.get(customer));
    }
}
