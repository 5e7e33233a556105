package dev.janela.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever JSON a webhook carries, reading it never fails: an item that cannot be read is skipped, and every item
 * read has what applying it needs, in lengths its columns hold; so are template changes read. In {@code mvn verify}
 * this replays the inputs under {@code WebhookPayloadFuzzTestInputs}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class WebhookPayloadFuzzTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest(maxDuration = "30s")
    void read_neverFails_andKeepsOnlyCompleteItems(byte[] body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return;
        }
        if (tree == null || !tree.isObject()) {
            return;
        }

        for (WebhookPayload.ChannelItems items : WebhookPayload.read(tree)) {
            assertThat(items.phoneNumberId()).isNotEmpty();
            assertThat(items.messages()).allSatisfy(message -> {
                assertThat(message.wamid()).isNotEmpty();
                assertThat(message.waId()).matches("[1-9][0-9]{6,14}");
                assertThat(message.at()).isNotNull();
            });
            assertThat(items.statuses()).allSatisfy(status -> {
                assertThat(status.wamid()).isNotEmpty();
                assertThat(status.state()).isNotNull();
                status.callbackData().ifPresent(data -> assertThat(data).isNotEmpty());
                status.pricing().ifPresent(pricing -> {
                    assertThat(pricing.pricingModel()).as("fits its column").satisfiesAnyOf(
                            model -> assertThat(model).isNull(), model -> assertThat(model).hasSizeLessThan(11));
                    assertThat(pricing.type()).satisfiesAnyOf(type -> assertThat(type).isNull(),
                            type -> assertThat(type).hasSizeLessThan(41));
                    assertThat(pricing.category()).satisfiesAnyOf(category -> assertThat(category).isNull(),
                            category -> assertThat(category).hasSizeLessThan(41));
                });
            });
        }
        assertThat(WebhookPayload.templateChanges(tree)).allSatisfy(change -> {
            assertThat(change.wabaId()).isNotNull();
            assertThat(change.value().isObject()).isTrue();
        });
    }
}
