package dev.janela.core.customer;

import dev.janela.core.phone.E164;
import dev.janela.core.phone.PhoneCountries;
import java.util.Optional;

/**
 * The one string that names a customer in a conversation's key, the ledger and the event format: the phone number in
 * E.164 with {@code +} when it is known, else the customer's business-scoped user ID. Both carry the customer's
 * country: a phone number in its calling code, a BSUID in its prefix.
 */
public final class CustomerHandle {
    private CustomerHandle() {
    }

    /** Why {@code handle} names no customer, to be prefixed with the field's name, or empty when it names one. */
    public static Optional<String> problem(String handle) {
        if (Bsuid.looksLikeOne(handle)) {
            return Bsuid.problem(handle);
        }
        E164.Parsed parsed = E164.parse(handle);
        if (!parsed.isValid()) {
            return parsed.problemText();
        }
        return handle.charAt(0) == '+' ? Optional.empty() : Optional.of("must start with +, as in +5511999990000");
    }

    /** Whether {@code handle}, a valid handle, is a business-scoped user ID rather than a phone number. */
    public static boolean isBsuid(String handle) {
        return handle.charAt(0) != '+';
    }

    /** The ISO 3166-1 alpha-2 country of the customer {@code handle}, a valid handle, names. */
    public static String countryOf(String handle) {
        return isBsuid(handle) ? Bsuid.countryOf(handle) : PhoneCountries.countryOf(E164.parse(handle).digits());
    }
}
