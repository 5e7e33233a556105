package dev.janela.core.report;

/**
 * Writes one JSON object on one line, without spaces, and puts the commas between members itself. It writes what
 * the reports need (objects whose members are objects, strings and integers) and nothing more: the core has no JSON
 * library. Not thread-safe.
 */
final class JsonWriter {
    private final StringBuilder json;
    /** Whether the object opened last has no member yet, so that the next member needs no comma before it. */
    private boolean emptyObject;

    /** @param capacity how many characters to make room for at first */
    JsonWriter(int capacity) {
        this.json = new StringBuilder(capacity);
    }

    /** Opens an object: the whole document, or the value of the member just named. */
    JsonWriter beginObject() {
        json.append('{');
        emptyObject = true;
        return this;
    }

    /** Closes the object opened last. */
    JsonWriter endObject() {
        json.append('}');
        emptyObject = false;
        return this;
    }

    /** Starts a member of the open object, whose value comes next: a comma unless it is the first, then its name. */
    JsonWriter name(String name) {
        if (!emptyObject) {
            json.append(',');
        }
        emptyObject = false;
        quote(name);
        json.append(':');
        return this;
    }

    /** A member whose value is the string {@code text}. */
    JsonWriter member(String name, String text) {
        name(name);
        quote(text);
        return this;
    }

    /** A member whose value is the integer {@code number}. */
    JsonWriter member(String name, long number) {
        name(name);
        json.append(number);
        return this;
    }

    /** The JSON written so far. */
    @Override
    public String toString() {
        return json.toString();
    }

    /** Writes {@code text} as a JSON string literal, with quotes, backslashes and control characters escaped. */
    private void quote(String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
