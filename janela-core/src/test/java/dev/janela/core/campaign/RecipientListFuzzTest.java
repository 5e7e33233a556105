package dev.janela.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.janela.core.FileFormatException;
import dev.janela.core.template.TemplateBody;
import java.util.Optional;

/** A list of recipients, untrusted text from an upload, is either read or refused with Janela's error, never else. */
class RecipientListFuzzTest {
    private static final RecipientList.Columns COLUMNS = RecipientList.Columns.of(
            Optional.of(TemplateBody.parseHeader("Sale in {{1}}")), TemplateBody.parse("Hi {{1}}, order {{2}} here"));

    @FuzzTest(maxDuration = "30s")
    void parse_eitherReadsTheListOrRefusesItWithJanelasError(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            assertThat(RecipientList.parse("list.csv", text, COLUMNS)).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry.parameters()).hasSize(3).allSatisfy(value -> assertThat(value).isNotBlank());
                assertThat(entry.handle().isPresent()).isNotEqualTo(entry.skip()
                        .filter(skip -> skip.reason().equals(RecipientList.INVALID)).isPresent());
            });
        } catch (FileFormatException refused) {
            assertThat(refused.getMessage()).startsWith("list.csv");
        }
    }
}
