package dev.janela.core.conversation;

import dev.janela.core.customer.CustomerHandle;
import dev.janela.core.phone.E164;
import java.util.Objects;
import java.util.Optional;

/**
 * One business number and one customer: the key of all session state.
 *
 * @param channel the business number, E.164 with {@code +}
 * @param customer the customer's {@link CustomerHandle handle}: the phone number, E.164 with {@code +}, or the
 *     business-scoped user ID of a customer whose number is not known
 */
public record ConversationKey(String channel, String customer) {
    public ConversationKey {
        requireE164(channel, "channel");
        Objects.requireNonNull(customer, "customer");
        Optional<String> problem = CustomerHandle.problem(customer); // no lambda: a replay makes 55,000 keys
        if (problem.isPresent()) {
            throw new IllegalArgumentException("customer " + problem.get() + ", was " + mask(customer));
        }
    }

    /** The key of two numbers given as digits. */
    public static ConversationKey of(long channelDigits, long customerDigits) {
        return new ConversationKey(E164.format(channelDigits), E164.format(customerDigits));
    }

    private static void requireE164(String number, String name) {
        Objects.requireNonNull(number, name);
        E164.Parsed parsed = E164.parse(number);
        if (!parsed.isValid() || number.charAt(0) != '+') {
            throw new IllegalArgumentException(name + " must be an E.164 number with +, was " + mask(number));
        }
    }

    /** Phone numbers stay out of messages: only the first characters show which number was meant. */
    private static String mask(String number) {
        return number.length() <= 4 ? "\"" + number + "\"" : "\"" + number.substring(0, 4) + "...\"";
    }
}
