package dev.janela.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateBodyTest {
    @Test
    void numberedParameters_areCountedOnceEach_andRendered() {
        TemplateBody body = TemplateBody.parse("Hi {{1}}, order {{2}} ships {{ 3 }}. Thanks, {{1}}!");

        assertThat(body.parameterCount()).isEqualTo(3);
        assertThat(body.isNamed()).isFalse();
        assertThat(body.parameters()).containsExactly("1", "2", "3");
        assertThat(body.render(Map.of("1", "Ana", "2", "#42", "3", "today")))
                .isEqualTo("Hi Ana, order #42 ships today. Thanks, Ana!");
    }

    @Test
    void namedParameters_keepTheirOrderOfAppearance() {
        TemplateBody body = TemplateBody.parse("Hello {{first_name}}, your code is {{code}}.");

        assertThat(body.isNamed()).isTrue();
        assertThat(body.parameters()).containsExactly("first_name", "code");
        assertThat(body.render(Map.of("first_name", "Bo", "code", "$1\\2"))).isEqualTo("Hello Bo, your code is $1\\2.");
    }

    @Test
    void noParameters_isAPlainBody() {
        assertThat(TemplateBody.parse("Your order has shipped.").parameterCount()).isZero();
    }

    @Test
    void render_withoutAValue_isRefused() {
        assertThatThrownBy(() -> TemplateBody.parse("Hi {{1}} and {{2}}.").render(Map.of("1", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{2}}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"                              | body: is required",
        "\"   \"                           | body: is required",
        "Hi {{1}} and {{3}}.             | body: numbers its parameters with a gap: {{2}} is missing",
        "Hi {{2}}.                       | body: numbers its parameters with a gap: {{1}} is missing",
        "Hi {{1}} and {{name}}.          | body: mixes numbered and named parameters",
        "Hi {{First}}.                   | body: {{First}} is not a parameter",
        "Hi {{}}.                        | body: {{}} is not a parameter",
        "{{1}} is here.                  | body: starts or ends with a parameter",
        "Here is {{code}}                | body: starts or ends with a parameter",
    })
    void parse_refusesWhatMetaRefuses(String text, String problem) {
        assertThatThrownBy(() -> TemplateBody.parse(text)).isInstanceOfSatisfying(InvalidTemplateException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEMPLATE)).hasMessageContaining(problem);
    }

    @Test
    void aHeader_mayHaveOneParameter_anywhere_inSixtyCharacters() {
        TemplateBody header = TemplateBody.parseHeader("{{1}} has shipped");

        assertThat(header.parameters()).containsExactly("1");
        assertThat(header.render(Map.of("1", "Order #42"))).isEqualTo("Order #42 has shipped");
        assertThatThrownBy(() -> TemplateBody.parseHeader("{{1}} and {{2}}"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, invalid -> assertThat(invalid.problems())
                        .extracting(InvalidTemplateException.Problem::field).containsExactly("header"));
        assertThatThrownBy(() -> TemplateBody.parseHeader("x".repeat(61)))
                .hasMessageContaining("at most 60");
    }

    @Test
    void aFooter_hasNoParameters_inSixtyCharacters() {
        assertThat(TemplateBody.parseFooter("Reply STOP to opt out").parameterCount()).isZero();
        assertThatThrownBy(() -> TemplateBody.parseFooter("Bye {{1}}"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, invalid -> assertThat(invalid.problems())
                        .extracting(InvalidTemplateException.Problem::message).containsExactly(
                                "may not have parameters"));
        assertThatThrownBy(() -> TemplateBody.parseFooter("y".repeat(61))).hasMessageContaining("at most 60");
    }

    @Test
    void parse_listsEveryProblem() {
        String text = "{{1}} " + "x".repeat(TemplateBody.MAX_LENGTH) + " {{3}}";

        assertThatThrownBy(() -> TemplateBody.parse(text)).isInstanceOfSatisfying(InvalidTemplateException.class,
                e -> assertThat(e.problems()).extracting(InvalidTemplateException.Problem::message)
                        .anyMatch(message -> message.startsWith("has 1036 characters"))
                        .anyMatch(message -> message.contains("{{2}} is missing"))
                        .anyMatch(message -> message.startsWith("starts or ends with a parameter")));
    }

    @ParameterizedTest
    @CsvSource({"order_update, true", "v2_code_2, true", "Order, false", "order-update, false", "'', false",
        "a b, false"})
    void name_followsMetasRule(String name, boolean valid) {
        if (valid) {
            assertThat(TemplateName.require(name)).isEqualTo(name);
        } else {
            assertThatThrownBy(() -> TemplateName.require(name)).isInstanceOf(InvalidTemplateException.class)
                    .hasMessageStartingWith("name: ");
        }
    }
}
