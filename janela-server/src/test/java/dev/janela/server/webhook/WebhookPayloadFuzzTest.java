package dev.janela.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.janela.core.customer.Bsuid;
import dev.janela.server.conversation.CustomerIds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever JSON a webhook carries, reading it never fails: an item that cannot be stored is set apart with its
 * reason, and every item read has what applying it needs, in lengths its columns hold; so are template changes read.
 * In {@code mvn verify} this replays the inputs under {@code WebhookPayloadFuzzTestInputs}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
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

        WebhookPayload.Contents contents = WebhookPayload.read(tree);
        assertThat(contents.unattributed()).allSatisfy(WebhookPayloadFuzzTest::isExplained);
        for (WebhookPayload.ChannelItems items : contents.channels()) {
            assertThat(items.phoneNumberId()).isNotEmpty().doesNotContain("\u0000");
            assertThat(items.unstorable()).allSatisfy(WebhookPayloadFuzzTest::isExplained);
            assertThat(items.messages()).extracting(WebhookPayload.Item::value).allSatisfy(message -> {
                assertThat(message.wamid()).isNotEmpty().hasSizeLessThanOrEqualTo(WebhookPayload.LONGEST_ID)
                        .doesNotContain("\u0000");
                assertThat(message.type()).hasSizeLessThanOrEqualTo(WebhookPayload.LONGEST_TYPE);
                assertIdentifiers(message.customer());
                assertThat(message.at()).isNotNull();
                message.body().ifPresent(text -> assertThat(text).doesNotContain("\u0000"));
            });
            assertThat(items.changes()).extracting(WebhookPayload.Item::value).allSatisfy(change -> {
                assertThat(change.wamid()).isNotEmpty().hasSizeLessThanOrEqualTo(WebhookPayload.LONGEST_ID);
                assertIdentifiers(change.previous());
                change.changed().phone().ifPresent(phone -> assertThat(phone).matches("[1-9][0-9]{6,14}"));
                change.changed().userId().ifPresent(userId -> assertThat(Bsuid.isValid(userId)).isTrue());
                change.body().ifPresent(text -> assertThat(text).doesNotContain("\u0000"));
            });
            assertThat(items.statuses()).extracting(WebhookPayload.Item::value).allSatisfy(status -> {
                assertThat(status.wamid()).hasSizeLessThanOrEqualTo(WebhookPayload.LONGEST_ID);
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

    /** Every identifier a stored item names its customer by fits its column and is what it claims to be. */
    private static void assertIdentifiers(CustomerIds customer) {
        customer.phone().ifPresent(phone -> assertThat(phone).matches("[1-9][0-9]{6,14}"));
        customer.userId().ifPresent(userId -> assertThat(Bsuid.isValid(userId)).isTrue());
        customer.parentUserId().ifPresent(parent -> assertThat(Bsuid.isValid(parent)).isTrue());
        customer.username().ifPresent(username -> assertThat(username).hasSizeLessThanOrEqualTo(100)
                .doesNotContain("\u0000"));
        assertThat(customer.handle()).hasSizeLessThanOrEqualTo(Bsuid.MAX_LENGTH);
    }

    private static void isExplained(WebhookPayload.Unstorable item) {
        assertThat(item.reason()).isNotBlank();
        assertThat(item.raw()).isNotNull();
    }
}
