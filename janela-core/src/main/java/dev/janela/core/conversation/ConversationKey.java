package dev.janela.core.conversation;

import dev.janela.core.phone.E164;
import java.util.Objects;

/**
 * One business number and one customer: the key of all session state.
 *
 * @param channel the business number, E.164 with {@code +}
 * @param customer the customer's number, E.164 with {@code +}
 */
public record ConversationKey(String channel, String customer) {
    public ConversationKey {
        requireE164(channel, "channel");
        requireE164(customer, "customer");
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
