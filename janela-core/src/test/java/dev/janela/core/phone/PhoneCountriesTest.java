package dev.janela.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneCountriesTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "+12125550123, US",
        "+14165550199, CA",
        "+18095551234, DO",
        "+18295551234, DO",
        "+18495551234, DO",
        "+17875551234, PR",
        "+19395551234, PR",
        "+18765551234, JM",
        "+16585551234, JM",
        "+15550001111, US",
        "+77012345678, KZ",
        "+79161234567, RU",
        "+441481720000, GG",
        "+447700900123, GB",
        "+390669812345, VA",
        "+393123456789, IT",
        "+5511999990000, BR",
        "+5215598765432, MX",
        "+919876543210, IN",
        "+263771234567, ZW",
    })
    void countryOf_followsTheCallingCodeAndTheAreaCodesThatShareIt(String number, String country) {
        assertThat(PhoneCountries.countryOf(E164.parse(number).digits())).isEqualTo(country);
    }

    @ParameterizedTest(name = "+{0}: {1}")
    @CsvSource({
        "5511999990000, BR",
        "919876543210, IN",
        "263771234567, ZW",
        "12125550123, ",
        "447700900123, ",
        "79161234567, ",
        "390669812345, ",
        "80012345678, ",
    })
    void soleCountryOf_isTheCountryOfACodeNoOtherShares_elseNone(long digits, String country) {
        assertThat(PhoneCountries.soleCountryOf(digits)).isEqualTo(country);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'', is empty",
        "+, has no digits",
        "5511-9999, must be digits",
        "+123456, has 6 digits",
        "+1234567890123456, has 16 digits",
        "+0123456789, starts with 0",
        "+80012345678, starts with no country calling code in use",
        "+88212345678, starts with no country calling code in use",
    })
    void parse_explainsWhatIsWrong(String text, String problem) {
        E164.Parsed parsed = E164.parse(text);

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.problemText()).hasValueSatisfying(message -> assertThat(message).startsWith(problem));
    }

    @ParameterizedTest
    @CsvSource({"+5511999990000, 5511999990000", "5511999990000, 5511999990000", "+6831234, 6831234"})
    void parse_acceptsDigitsWithOrWithoutPlus(String text, long digits) {
        assertThat(E164.parse(text).digits()).isEqualTo(digits);
        assertThat(E164.format(digits)).isEqualTo("+" + digits);
    }
}
