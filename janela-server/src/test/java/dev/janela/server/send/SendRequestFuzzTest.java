package dev.janela.server.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.janela.core.customer.Bsuid;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.web.ErrorTable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever a client sends, a send request is either read whole or refused in Meta's terms, never with anything
 * else. In {@code mvn verify} this replays the inputs under {@code SendRequestFuzzTestInputs}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class SendRequestFuzzTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest(maxDuration = "30s")
    void read_eitherReadsOrRefusesInMetasTerms(byte[] body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return;
        }
        SendRequest request;
        try {
            request = SendRequest.read(tree);
        } catch (Refusal refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(ErrorTable.cloudStatus(refused.reason())).isEqualTo(400);
            return;
        }

        assertThat(request.customer()).satisfiesAnyOf(
                customer -> assertThat(customer).matches("[1-9][0-9]{6,14}"),
                customer -> assertThat(Bsuid.isValid(customer)).isTrue());
        assertThat(request.input()).isNotEmpty();
        assertThat(request.isTemplate()).isEqualTo(request.type().equals("template"));
        request.text().ifPresent(text -> assertThat(text.length()).isLessThanOrEqualTo(SendRequest.MAX_TEXT));
        request.callbackData().ifPresent(data -> assertThat(data).isNotEmpty().hasSizeLessThanOrEqualTo(
                SendRequest.MAX_CALLBACK_DATA));
    }
}
