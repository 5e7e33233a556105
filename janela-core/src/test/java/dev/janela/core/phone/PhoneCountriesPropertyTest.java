package dev.janela.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The country of a number whose calling code several countries share, against libphonenumber's own reading of its
 * text: seeded random numbers of every shared code and every length E.164 allows, many of them starting with a zero,
 * the national prefix, or Australia's carrier codes, which parsing the text strips or keeps.
 */
class PhoneCountriesPropertyTest {
    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
    private static final List<Integer> SHARED_CODES = PHONE_NUMBERS.getSupportedCallingCodes().stream()
            .filter(code -> PHONE_NUMBERS.getRegionCodesForCountryCode(code).size() > 1).sorted().toList();
    private static final String[] STARTS = {"0", "00", "1", "8", "183", "1831", "1832", "7", "9", "4"};

    @Test
    void countryOf_isTheCountryLibphonenumberReadsInTheNumbersText() {
        SplittableRandom random = new SplittableRandom(0x9C_0DE5L);
        assertThat(SHARED_CODES).contains(1, 7, 44);
        for (int round = 0; round < 40_000; round++) {
            int code = SHARED_CODES.get(random.nextInt(SHARED_CODES.size()));
            int codeDigits = Integer.toString(code).length();
            int shortest = Math.max(4, codeDigits + 1);
            int length = shortest + random.nextInt(E164.MAX_DIGITS - shortest + 1);
            StringBuilder national = new StringBuilder(random.nextBoolean() ? STARTS[random.nextInt(STARTS.length)]
                    : "");
            while (national.length() < length - codeDigits) {
                national.append((char) ('0' + random.nextInt(10)));
            }
            national.setLength(length - codeDigits);
            long digits = Long.parseLong(code + national.toString());

            assertThat(PhoneCountries.countryOf(digits)).as("+%d", digits).isEqualTo(byParsing(digits, code));
        }
    }

    /** What libphonenumber makes of the number's text, or the code's main country when it names none. */
    private static String byParsing(long digits, int code) {
        String region;
        try {
            region = PHONE_NUMBERS.getRegionCodeForNumber(PHONE_NUMBERS.parse("+" + digits, "ZZ"));
        } catch (NumberParseException unparsable) {
            region = null;
        }
        return region != null && PhoneCountries.isCountryCode(region) ? region
                : PHONE_NUMBERS.getRegionCodeForCountryCode(code);
    }
}
