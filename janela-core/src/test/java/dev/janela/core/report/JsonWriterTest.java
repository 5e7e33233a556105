package dev.janela.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void members_areSeparatedByCommas_atEveryDepth() {
        JsonWriter json = new JsonWriter(16).beginObject().member("a", 1).name("b").beginObject()
                .member("c", "x").name("d").beginObject().endObject().member("e", 2).endObject()
                .member("f", -3);

        String written = json.endObject().toString();

        assertThat(written).isEqualTo("{\"a\":1,\"b\":{\"c\":\"x\",\"d\":{},\"e\":2},\"f\":-3}");
    }

    @Test
    void emptyObjects_haveNoSeparator() {
        String written = new JsonWriter(16).beginObject().name("none").beginObject().endObject().endObject()
                .toString();

        assertThat(written).isEqualTo("{\"none\":{}}");
    }

    @Test
    void namesAndStrings_escapeQuotesBackslashesAndControlCharacters() {
        String written = new JsonWriter(16).beginObject().member("a\"b", "c\\d\n\r\t\u0001é").endObject()
                .toString();

        assertThat(written).isEqualTo("{\"a\\\"b\":\"c\\\\d\\n\\r\\t\\u0001é\"}");
    }
}
