package dev.janela.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WrittenNumbersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+55 (11) 98765-4321 | 5511987654321",
        "+55.11.98765.4321   | 5511987654321",
        "5511987654321       | 5511987654321",
        "+1 (415) 555-0100   | 14155550100"})
    void parse_ofAWayPeopleWriteNumbers_isTheNumber(String written, long digits) {
        E164.Parsed number = WrittenNumbers.parse(written);

        assertThat(number.isValid()).as(written).isTrue();
        assertThat(number.digits()).isEqualTo(digits);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "call me", "+55 (11)"})
    void parse_ofWhatIsNoNumber_isInvalid(String written) {
        assertThat(WrittenNumbers.parse(written).isValid()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+55 21 98888-0005 | 5521988880005",
        "98888-0005        | 988880005",
        "(21) 9888         | 219888",
        "+55.21            | 5521",
        "0005              | 0005"})
    void digits_ofANumberOrAPartOfOne_areItsDigits(String written, String digits) {
        assertThat(WrittenNumbers.digits(written)).contains(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "( )", "Ana", "Ana 9888", "55+21", "5521#"})
    void digits_ofWhatIsNoNumber_areNone(String written) {
        assertThat(WrittenNumbers.digits(written)).isEmpty();
    }
}
