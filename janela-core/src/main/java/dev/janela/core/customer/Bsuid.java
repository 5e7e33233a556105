package dev.janela.core.customer;

import dev.janela.core.phone.PhoneCountries;
import java.util.Optional;

/**
 * The syntax of business-scoped user IDs as Meta writes them: the customer's ISO 3166 country, a period, and
 * Meta's identifier ({@code BR.1502512345678901}). A parent BSUID, shared by the portfolios of one parent business,
 * has {@code ENT.} after the country ({@code BR.ENT.8819021733}). They are opaque otherwise: stored and sent back
 * exactly as received.
 */
public final class Bsuid {
    /** The longest identifier after the country Janela accepts; Meta's are about 20 characters. */
    public static final int MAX_ID_LENGTH = 128;
    /** The longest BSUID Janela accepts: country, period, {@code ENT.} and the identifier. */
    public static final int MAX_LENGTH = 3 + 4 + MAX_ID_LENGTH;

    private static final String PARENT_MARK = "ENT.";

    private Bsuid() {
    }

    /**
     * Whether {@code text} looks like a BSUID rather than a phone number: it starts with a letter. Phone numbers
     * start with {@code +} or a digit, so this tells which of the two a customer field holds before either is
     * checked.
     */
    public static boolean looksLikeOne(CharSequence text) {
        return !text.isEmpty() && startsOne(text.charAt(0));
    }

    /** Whether a text whose first character is {@code first} looks like a BSUID: see {@link #looksLikeOne}. */
    public static boolean startsOne(int first) {
        return first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z';
    }

    /**
     * Why {@code text} is not a BSUID, to be prefixed with the field's name, or empty when it is one.
     */
    public static Optional<String> problem(CharSequence text) {
        int length = text.length();
        if (length < 4 || text.charAt(2) != '.' || !isUpperLetter(text.charAt(0)) || !isUpperLetter(text.charAt(1))) {
            return Optional.of("must be a phone number or a business-scoped user ID such as BR.1502512345678901"
                    + " (a country code, a period and Meta's identifier)");
        }
        String country = text.subSequence(0, 2).toString();
        if (!PhoneCountries.isCountryCode(country)) {
            return Optional.of("starts with " + country + ", which is not an ISO 3166 country code; a"
                    + " business-scoped user ID starts with the customer's country, as in BR.1502512345678901");
        }
        int idStart = startsWith(text, 3, PARENT_MARK) ? 3 + PARENT_MARK.length() : 3;
        int idLength = length - idStart;
        if (idLength == 0 || idLength > MAX_ID_LENGTH) {
            return Optional.of("has " + idLength + " characters after the country; a business-scoped user ID has 1"
                    + " to " + MAX_ID_LENGTH);
        }
        for (int index = idStart; index < length; index++) {
            if (!isLetterOrDigit(text.charAt(index))) {
                return Optional.of("may hold only letters and digits after the country, as in"
                        + " BR.1502512345678901");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code text} is a valid BSUID. */
    public static boolean isValid(CharSequence text) {
        return problem(text).isEmpty();
    }

    /** Whether {@code bsuid}, a valid BSUID, is a parent BSUID. */
    public static boolean isParent(CharSequence bsuid) {
        return startsWith(bsuid, 3, PARENT_MARK) && bsuid.length() > 3 + PARENT_MARK.length();
    }

    /** The ISO 3166-1 alpha-2 country {@code bsuid}, a valid BSUID, names. */
    public static String countryOf(CharSequence bsuid) {
        return bsuid.subSequence(0, 2).toString();
    }

    private static boolean startsWith(CharSequence text, int from, String prefix) {
        if (text.length() < from + prefix.length()) {
            return false;
        }
        for (int index = 0; index < prefix.length(); index++) {
            if (text.charAt(from + index) != prefix.charAt(index)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpperLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
