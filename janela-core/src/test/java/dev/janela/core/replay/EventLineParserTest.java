package dev.janela.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.ErrorCode;
import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.Event;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.conversation.TemplateMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventLineParserTest {
    private static final String IN = "{\"id\":\"m1\",\"at\":\"2026-03-02T10:00:00Z\",\"channel\":\"+5511999990000\","
            + "\"customer\":\"+5521988887777\",\"direction\":\"in\",\"type\":\"text\"}";
    private static final ConversationKey KEY = new ConversationKey("+5511999990000", "+5521988887777");
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    private final EventLineParser parser = new EventLineParser();

    @Nested
    class Valid {
        @Test
        void customerMessage() {
            assertThat(parser.parse(IN)).isEqualTo(new CustomerMessage("m1", AT, KEY, false));
        }

        @Test
        void template_withCategoryInAnyCase_andStatus() {
            Event event = parser.parse(IN.replace("\"direction\":\"in\",\"type\":\"text\"",
                    "\"direction\":\"out\",\"type\":\"template\",\"category\":\"UTILITY\",\"template\":\"x\","
                            + "\"status\":\"delivered\""));

            assertThat(event).isEqualTo(new TemplateMessage("m1", AT, KEY, TemplateCategory.UTILITY, false));
        }

        @Test
        void failedFreeForm() {
            Event event = parser.parse(IN.replace("\"direction\":\"in\",\"type\":\"text\"",
                    "\"direction\":\"out\",\"type\":\"image\",\"status\":\"failed\""));

            assertThat(event).isEqualTo(new FreeFormMessage("m1", AT, KEY, true));
        }

        @Test
        void referral() {
            assertThat(parser.parse(IN.replace("}", ",\"referral\":true}")))
                    .isEqualTo(new CustomerMessage("m1", AT, KEY, true));
        }

        @ParameterizedTest
        @ValueSource(strings = {"BR.1502512345678901", "DO.ENT.8819021733", "US.13491208655302741918abcXYZ"})
        void customerKnownOnlyByABusinessScopedUserId_isKeyedOnIt(String bsuid) {
            Event event = parser.parse(IN.replace("+5521988887777", bsuid));

            assertThat(event).isEqualTo(
                    new CustomerMessage("m1", AT, new ConversationKey("+5511999990000", bsuid), false));
        }

        @Test
        void customersCall_isACustomerMessage() {
            assertThat(parser.parse(IN.replace("\"type\":\"text\"", "\"type\":\"call\"")))
                    .isEqualTo(new CustomerMessage("m1", AT, KEY, false));
        }

        @Test
        void numbersWithoutPlus_fieldsInAnyOrder_whitespace_unknownFieldsOfEveryKind_andNulls() {
            String line = " { \"extra\" : {\"a\":[1,-2.5e-3,true,false,null,{\"b\":\"\\u00e9\"}],\"c\":{}} ,"
                    + "\"type\":\"text\",\"direction\":\"in\",\"customer\":\"5521988887777\",\"template\":null,"
                    + "\"channel\":\"5511999990000\",\"at\":\"2026-03-02T10:00:00Z\",\"id\":\"m1\",\"status\":null,"
                    + "\"empty\":[] }\r";

            assertThat(parser.parse(line)).isEqualTo(new CustomerMessage("m1", AT, KEY, false));
        }

        @Test
        void idWithEscapesAndUnicode_isDecoded() {
            String line = IN.replace("\"m1\"", "\"wamid.\\u00e9\\\"q\\\\/\\/\\ud83d\\ude00\u00e7\"");

            assertThat(parser.parse(line).id()).isEqualTo("wamid.\u00e9\"q\\//\ud83d\ude00\u00e7");
        }

        @ParameterizedTest
        @CsvSource({
            "2026-03-02T10:00:00Z, 2026-03-02T10:00:00Z",
            "2026-03-02T07:00:00-03:00, 2026-03-02T10:00:00Z",
            "2026-03-02T07:00:00-0300, 2026-03-02T10:00:00Z",
            "2026-03-02T12:00:00+02, 2026-03-02T10:00:00Z",
            "2026-03-02T10:00Z, 2026-03-02T10:00:00Z",
            "2026-03-02t10:00:00.5z, 2026-03-02T10:00:00.500Z",
            "2026-03-02 10:00:00.123456789Z, 2026-03-02T10:00:00.123456789Z",
            "2024-02-29T23:59:59.999+00:00, 2024-02-29T23:59:59.999Z",
            "1970-01-01T00:00:00Z, 1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999999Z, 1969-12-31T23:59:59.999999999Z",
        })
        void timestamps(String written, String expected) {
            assertThat(parser.parse(IN.replace("2026-03-02T10:00:00Z", written)).at()).isEqualTo(expected);
        }
    }

    @Nested
    class Invalid {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "''                                          | the line is empty",
            "[1]                                         | the line is a JSON array",
            "hello                                       | the line is not a JSON object",
            "{                                           | expected a field name",
            "{}                                          | missing fields id, at, channel, customer, direction, type",
            "{\"id\":\"m1\"                              | expected , or }",
            "{\"id\":\"m1\",}                            | expected a field name",
            "{id:\"m1\"}                                 | expected a field name in double quotes",
            "{'id':'m1'}                                 | expected a field name in double quotes",
            "{\"id\" \"m1\"}                             | expected : after a field name",
            "{\"id\":\"m1} x                             | a string is not closed",
            "{\"x\":tru}                                 | expected a JSON value",
            "{\"x\":01}                                  | expected , or }",
            "{\"x\":-}                                   | malformed number",
            "{\"x\":1.}                                  | malformed number",
            "{\"x\":1e}                                  | malformed number",
            "{\"x\":[1,]}                                | expected a JSON value",
            "{\"x\":\"\\q\"}                             | an invalid escape sequence",
            "{\"x\":\"\\u12\"}                           | four hexadecimal digits",
            "{\"x\":\"\\ud83d\"}                         | surrogate pair",
            "{\"x\":\"\\ude00\"}                         | surrogate pair",
            "{\"id\":\"m1\",\"id\":\"m2\"}               | field \"id\" appears twice",
        })
        void json(String line, String expected) {
            assertInvalid(line, expected);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "\"id\":\"m1\"                  | \"id\":\"\"                          | id: is empty",
            "\"id\":\"m1\"                  | \"id\":7                             | id: must be a string",
            "\"id\":\"m1\"                  | \"id\":null                          | missing field id",
            "\"at\":\"2026-03-02T10:00:00Z\" | \"at\":\"2026-03-02T10:00:00\"       | at: has no time zone",
            "\"at\":\"2026-03-02T10:00:00Z\" | \"at\":\"2026-02-30T10:00:00Z\"      | at: is not a real date",
            "\"at\":\"2026-03-02T10:00:00Z\" | \"at\":\"2026-03-02T24:00:00Z\"      | at: is not a real date",
            "\"at\":\"2026-03-02T10:00:00Z\" | \"at\":\"2026-03-02T10:00:60Z\"      | at: is not a real date",
            "\"at\":\"2026-03-02T10:00:00Z\" | \"at\":\"2026-03-02\"                | at: has a date but no time",
            "\"at\":\"2026-03-02T10:00:00Z\" | \"at\":\"yesterday\"                 | at: must be an ISO-8601 instant",
            "\"at\":\"2026-03-02T10:00:00Z\" | \"at\":1772445600                   | at: must be a string",
            "\"at\":\"2026-03-02T10:00:00Z\" | \"at\":\"2026-03-02T10:00:00.1234567891Z\" | nine fractional digits",
            "\"at\":\"2026-03-02T10:00:00Z\" | \"at\":\"2026-03-02T10:00:00+19:00\" | beyond ±18:00",
            "\"at\":\"2026-03-02T10:00:00Z\" | \"at\":\"2300-01-01T00:00:00Z\"      | outside the years 1678 to 2261",
            "\"at\":\"2026-03-02T10:00:00Z\" | \"at\":\"2026-03-02T10:00:00ZZ\"     | at: must be an ISO-8601 instant",
            "\"channel\":\"+5511999990000\" | \"channel\":\"\"                     | channel: is empty",
            "\"channel\":\"+5511999990000\" | \"channel\":\"+55 11 99999 0000\"    | channel: must be digits",
            "\"channel\":\"+5511999990000\" | \"channel\":\"+55119999900001234\"   | channel: has 17 digits",
            "\"channel\":\"+5511999990000\" | \"channel\":\"+55119\"               | channel: has 5 digits",
            "\"channel\":\"+5511999990000\" | \"channel\":\"+05511999990000\"      | channel: starts with 0",
            "\"channel\":\"+5511999990000\" | \"channel\":\"+80012345678\"         | no country calling code",
            "\"customer\":\"+5521988887777\" | \"customer\":\"+\"                  | customer: has no digits",
            "\"customer\":\"+5521988887777\" | \"customer\":5521988887777          | customer: must be a string",
            "\"customer\":\"+5521988887777\" | \"customer\":\"B.1502512345\"      | customer: must be a phone number",
            "\"customer\":\"+5521988887777\" | \"customer\":\"br.1502512345\"     | customer: must be a phone number",
            "\"customer\":\"+5521988887777\" | \"customer\":\"XX.1502512345\"     | XX, which is not an ISO 3166",
            "\"customer\":\"+5521988887777\" | \"customer\":\"BR.150-2512345\"    | only letters and digits after",
            "\"customer\":\"+5521988887777\" | \"customer\":\"BR.\"               | customer: must be a phone number",
            "\"customer\":\"+5521988887777\" | \"customer\":\"BR.ENT.\"           | has 0 characters after the country",
            "\"customer\":\"+5521988887777\" | \"customer\":\"BR.\u00e91502\"     | only letters and digits after",
            "\"direction\":\"in\"           | \"direction\":\"IN\"                 | direction: must be \"in\"",
            "\"direction\":\"in\"           | \"direction\":\"inbound\"            | direction: must be \"in\"",
            "\"type\":\"text\"              | \"type\":\"\"                        | type: is empty",
            "\"type\":\"text\"              | \"type\":\"template\"                | a customer cannot send a template",
            "\"type\":\"text\"              | \"type\":\"text\",\"status\":\"read\" | status: applies only to outbound",
            "\"type\":\"text\"              | \"type\":\"text\",\"referral\":\"yes\" | referral: must be true or false",
        })
        void fields(String original, String replacement, String expected) {
            assertInvalid(IN.replace(original, replacement), expected);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "\"type\":\"template\"                          | category: missing",
            "\"type\":\"template\",\"category\":\"promo\"    | category: must be marketing, utility or authentication",
            "\"type\":\"template\",\"category\":7            | category: must be a string",
            "\"type\":\"text\",\"status\":\"lost\"           | status: must be failed, or sent, delivered or read",
            "\"type\":\"call\"                              | type: a call by the business is not priced",
        })
        void outboundFields(String replacement, String expected) {
            assertInvalid(IN.replace("\"direction\":\"in\",\"type\":\"text\"", "\"direction\":\"out\"," + replacement),
                    expected);
        }

        @Test
        void idLongerThanTheLimit() {
            assertInvalid(IN.replace("\"m1\"", "\"" + "x".repeat(EventLineParser.MAX_ID_BYTES + 1) + "\""),
                    "id: is longer than 1024 bytes");
        }

        @Test
        void nestingTooDeep() {
            assertInvalid("{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}", "nested more than 64 deep");
        }

        @Test
        void controlCharacterInAString() {
            assertInvalid(IN.replace("\"m1\"", "\"m\u00011\""), "a control character inside a string");
        }

        @ParameterizedTest
        @ValueSource(strings = {"C0AF", "E080AF", "EDA080", "F4908080", "FF", "C3", "E282"})
        void bytesThatAreNotUtf8(String hex) {
            byte[] bad = HexFormat.of().parseHex(hex);
            byte[] line = IN.replace("\"m1\"", "\"m#\"").getBytes(StandardCharsets.UTF_8);
            int hash = indexOf(line, (byte) '#');
            byte[] withBad = new byte[line.length - 1 + bad.length];
            System.arraycopy(line, 0, withBad, 0, hash);
            System.arraycopy(bad, 0, withBad, hash, bad.length);
            System.arraycopy(line, hash + 1, withBad, hash + bad.length, line.length - hash - 1);

            assertThatThrownBy(() -> parser.parse(withBad)).isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("not UTF-8");
        }

        @Test
        void messagesNeverRepeatPhoneNumbers() {
            String line = IN.replace("+5521988887777", "+5521988887777x");

            assertThatThrownBy(() -> parser.parse(line)).hasMessageNotContaining("5521988887777");
        }

        private void assertInvalid(String line, String expected) {
            assertThatThrownBy(() -> parser.parse(line)).isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining(expected)
                    .satisfies(e -> assertThat(((InvalidEventException) e).code()).isEqualTo(ErrorCode.INVALID_EVENT));
        }

        private int indexOf(byte[] bytes, byte wanted) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == wanted) {
                    return i;
                }
            }
            throw new AssertionError("no " + (char) wanted + " in " + Arrays.toString(bytes));
        }
    }

    @Test
    void afterARejectedLine_theParserParsesTheNextOneCleanly() {
        String templateWithoutCategory = IN.replace("\"in\"", "\"out\"").replace("\"text\"", "\"template\"")
                .replace("}", ",\"referral\":true,\"status\":\"failed\"}");
        assertThatThrownBy(() -> parser.parse(templateWithoutCategory)).isInstanceOf(InvalidEventException.class);

        assertThat(parser.parse(IN)).isEqualTo(new CustomerMessage("m1", AT, KEY, false));
    }

    @Test
    void aChannelNumberAcceptedOnAnEarlierLine_writtenWithALeadingZero_isStillRejected() {
        parser.parse(IN);

        assertThatThrownBy(() -> parser.parse(IN.replace("+5511999990000", "+05511999990000")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("channel: starts with 0");
        assertThatThrownBy(() -> parser.parse(IN.replace("+5511999990000", "+80012345678")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("no country calling code");
        assertThat(parser.parse(IN)).isEqualTo(new CustomerMessage("m1", AT, KEY, false));
    }
}
