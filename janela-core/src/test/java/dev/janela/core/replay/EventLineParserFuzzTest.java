package dev.janela.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.janela.core.conversation.Event;
import dev.janela.core.conversation.TemplateMessage;

/**
 * The parser of untrusted traffic-log lines either parses a line or rejects it with Janela's own error, never
 * anything else. In {@code mvn verify} this replays the inputs under {@code EventLineParserFuzzTestInputs}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class EventLineParserFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void parse_eitherParsesOrRejectsWithJanelasError(byte[] line) {
        Event event;
        try {
            event = new EventLineParser().parse(line);
        } catch (InvalidEventException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            return;
        }

        assertThat(event.id()).isNotEmpty();
        assertThat(event.conversation().channel()).startsWith("+");
        if (event instanceof TemplateMessage template) {
            assertThat(template.category()).isNotNull();
        }
    }
}
