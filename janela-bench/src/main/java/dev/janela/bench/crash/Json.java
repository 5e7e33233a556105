package dev.janela.bench.crash;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON Janela answers with into maps, lists, strings, numbers ({@link BigDecimal}), booleans and null:
 * enough for the suite to read answers back, with no library the benchmarks do not already carry. Not a validator:
 * a malformed document throws {@link IllegalArgumentException} naming where it went wrong.
 */
final class Json {
    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /** The value {@code text} holds. */
    static Object parse(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.skipSpace();
        if (json.position != text.length()) {
            throw json.malformed("text after the value");
        }
        return value;
    }

    /** {@code text} as an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, not: " + abbreviated(text));
        }
        return (Map<String, Object>) value;
    }

    static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private Object value() {
        skipSpace();
        if (position == text.length()) {
            throw malformed("a value is missing");
        }
        char next = text.charAt(position);
        return switch (next) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        position++;
        skipSpace();
        if (peek() == '}') {
            position++;
            return members;
        }
        do {
            skipSpace();
            String name = string();
            skipSpace();
            expect(':');
            members.put(name, value());
            skipSpace();
        } while (consume(','));
        expect('}');
        return members;
    }

    private List<Object> array() {
        List<Object> items = new ArrayList<>();
        position++;
        skipSpace();
        if (peek() == ']') {
            position++;
            return items;
        }
        do {
            items.add(value());
            skipSpace();
        } while (consume(','));
        expect(']');
        return items;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (position < text.length()) {
            char next = text.charAt(position++);
            if (next == '"') {
                return out.toString();
            }
            if (next != '\\') {
                out.append(next);
                continue;
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                }
                default -> out.append(escaped);
            }
        }
        throw malformed("a string is not closed");
    }

    private BigDecimal number() {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        try {
            return new BigDecimal(text.substring(start, position));
        } catch (NumberFormatException notANumber) {
            throw malformed("not a value");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw malformed("not a value");
        }
        position += word.length();
        return value;
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : 0;
    }

    private boolean consume(char expected) {
        if (peek() == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char expected) {
        if (!consume(expected)) {
            throw malformed("expected '" + expected + "'");
        }
    }

    private IllegalArgumentException malformed(String problem) {
        return new IllegalArgumentException("malformed JSON at " + position + ": " + problem + " in "
                + abbreviated(text));
    }
}
