package dev.janela.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstantTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-03-02T04:52:45Z        | 2026-03-02T04:52:45.000000Z",
        "2026-03-02T04:52:46.619499Z | 2026-03-02T04:52:46.619499Z",
        "2026-03-02T04:52:46.5Z      | 2026-03-02T04:52:46.500000Z"})
    void anInstant_isWrittenToTheMicrosecond_whateverItsFraction(String instant, String written) {
        assertThat(InstantText.of(Instant.parse(instant))).isEqualTo(written);
    }
}
