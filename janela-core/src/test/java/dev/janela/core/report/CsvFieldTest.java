package dev.janela.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
}
