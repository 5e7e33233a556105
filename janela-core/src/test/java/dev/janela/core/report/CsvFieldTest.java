package dev.janela.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFieldTest {
    static Stream<Arguments> valuesAndFields() {
        return Stream.of(
                Arguments.of("wamid.1", "wamid.1"),
                Arguments.of("", ""),
                Arguments.of("Rest of Latin America", "Rest of Latin America"),
                Arguments.of("a,b", "\"a,b\""),
                Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
                Arguments.of("two\nlines", "\"two\nlines\""),
                Arguments.of("cr\rhere", "\"cr\rhere\""));
    }

    @ParameterizedTest
    @MethodSource("valuesAndFields")
    void of_quotesOnlyWhereNeeded_doublingInnerQuotes(String value, String field) {
        assertThat(CsvField.of(value)).isEqualTo(field);
    }

    @ParameterizedTest
    @MethodSource("valuesAndFields")
    void text_ofTextThatRunsNothing_isWrittenAsOfWritesIt(String value, String field) {
        assertThat(CsvField.text(value)).isEqualTo(field);
    }

    static Stream<Arguments> formulasAndFields() {
        return Stream.of(
                Arguments.of("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
                Arguments.of("=1+1", "'=1+1"),
                Arguments.of("+5521988887777", "'+5521988887777"),
                Arguments.of("-0.0625", "'-0.0625"),
                Arguments.of("@SUM(A1:A2)", "'@SUM(A1:A2)"),
                Arguments.of("\tcmd", "'\tcmd"),
                Arguments.of("\rcmd", "\"'\rcmd\""),
                Arguments.of("-1,2", "\"'-1,2\""));
    }

    @ParameterizedTest
    @MethodSource("formulasAndFields")
    void text_startingAsAFormula_isPrefixedWithAnApostrophe_thenQuoted(String value, String field) {
        assertThat(CsvField.text(value)).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.0625", "+5521988887777", "-6800"})
    void of_leavesASignJanelaWroteAsItIs(String formatted) {
        assertThat(CsvField.of(formatted)).isEqualTo(formatted);
    }
}
