package dev.janela.core.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The country of a phone number, from its calling code. Where several countries share a calling code ({@code +1},
 * {@code +7}, {@code +44}...), libphonenumber decides from the digits that follow: {@code +1 809} is the Dominican
 * Republic, {@code +1 416} Canada. A number that fits none of the sharing countries' plans belongs to the code's main
 * country ({@code +1} gives the United States). Thread-safe.
 */
public final class PhoneCountries {
    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
    private static final int MAX_CALLING_CODE = 999;
    /** The fewest digits after the calling code that libphonenumber reads as a number. */
    private static final int MIN_NATIONAL_DIGITS = 2;
    /** For each calling code: its only country, or null where several share it or none has it. */
    private static final String[] SOLE_COUNTRY = new String[MAX_CALLING_CODE + 1];
    /** For each calling code: whether a country uses it. */
    private static final boolean[] GEOGRAPHIC = new boolean[MAX_CALLING_CODE + 1];
    /** For each calling code several countries share: the digit its main country's national prefix is, or -1. */
    private static final int[] NATIONAL_PREFIX = new int[MAX_CALLING_CODE + 1];
    private static final Set<String> COUNTRY_CODES = new HashSet<>();

    static {
        for (int callingCode : PHONE_NUMBERS.getSupportedCallingCodes()) {
            var regions = PHONE_NUMBERS.getRegionCodesForCountryCode(callingCode);
            boolean geographic =
                    !regions.isEmpty() && !regions.contains(PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY);
            GEOGRAPHIC[callingCode] = geographic;
            boolean shared = geographic && regions.size() > 1;
            SOLE_COUNTRY[callingCode] = geographic && !shared ? regions.get(0) : null;
            // Only the shared codes' main countries: reading the prefix loads a country's metadata, and loading
            // every country's took a tenth of a short replay.
            String prefix = shared ? PHONE_NUMBERS.getNddPrefixForRegion(regions.get(0), true) : null;
            NATIONAL_PREFIX[callingCode] = prefix != null && prefix.length() == 1 ? prefix.charAt(0) - '0' : -1;
        }
        COUNTRY_CODES.addAll(PHONE_NUMBERS.getSupportedRegions());
        COUNTRY_CODES.addAll(Set.of(Locale.getISOCountries()));
    }

    private PhoneCountries() {
    }

    /**
     * The country calling code {@code digits} starts with, or 0 when it starts with none that a country uses
     * (non-geographic codes such as +800 included).
     */
    public static int callingCode(long digits) {
        int digitCount = E164.digitCount(digits);
        if (digitCount < 4) {
            return 0;
        }
        // Calling codes are prefix-free: at most one of the first one, two or three digits is a code in use.
        int firstThree = (int) (digits / E164.powerOfTen(digitCount - 3));
        if (GEOGRAPHIC[firstThree / 100]) {
            return firstThree / 100;
        }
        if (GEOGRAPHIC[firstThree / 10]) {
            return firstThree / 10;
        }
        return GEOGRAPHIC[firstThree] ? firstThree : 0;
    }

    /**
     * The ISO 3166-1 alpha-2 code of the country {@code digits} belongs to.
     *
     * @throws IllegalArgumentException if the number starts with no country calling code; {@link E164#check}
     *     rules those out
     */
    public static String countryOf(long digits) {
        int callingCode = callingCode(digits);
        if (callingCode == 0) {
            throw new IllegalArgumentException("no country calling code at the start of +" + digits);
        }
        String sole = SOLE_COUNTRY[callingCode];
        return sole != null ? sole : sharedCodeCountry(digits, callingCode);
    }

    /**
     * The country of {@code digits} if its calling code is that country's alone, found without libphonenumber; null
     * when countries share the code (or none has it), and only {@link #countryOf} can tell.
     */
    public static String soleCountryOf(long digits) {
        return SOLE_COUNTRY[callingCode(digits)];
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-2 country code (upper case) that Janela knows. */
    public static boolean isCountryCode(String code) {
        return COUNTRY_CODES.contains(code);
    }

    private static String sharedCodeCountry(long digits, int callingCode) {
        return number(digits, callingCode).map(PHONE_NUMBERS::getRegionCodeForNumber).filter(COUNTRY_CODES::contains)
                .orElseGet(() -> PHONE_NUMBERS.getRegionCodeForCountryCode(callingCode));
    }

    /** The number as libphonenumber reads its text; empty if it reads none. */
    private static Optional<PhoneNumber> number(long digits, int callingCode) {
        int nationalDigits = E164.digitCount(digits) - E164.digitCount(callingCode);
        long national = digits % E164.powerOfTen(nationalDigits);
        int first = E164.digitCount(national) == nationalDigits ? (int) (national / E164.powerOfTen(nationalDigits - 1))
                : 0;
        if (nationalDigits >= MIN_NATIONAL_DIGITS && first != 0 && first != NATIONAL_PREFIX[callingCode]) {
            // Not too short to be a number, no leading zero to keep, no national prefix to strip: parsing the text,
            // most of the cost here (in regular expressions), would find these very digits.
            return Optional.of(new PhoneNumber().setCountryCode(callingCode).setNationalNumber(national));
        }
        try {
            return Optional.of(PHONE_NUMBERS.parse("+" + digits, PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY));
        } catch (NumberParseException unparsable) {
            return Optional.empty();
        }
    }
}
