package dev.janela.core.replay;

import java.util.Arrays;

/**
 * Reads the JSON of one line of bytes: strings (left in place when plain ASCII, else decoded and checked as UTF-8),
 * literals, and values to skip. It knows JSON, not events: {@link EventLineParser} reads an event's fields with it.
 * Every problem is an {@link InvalidEventException} naming the column. Not thread-safe.
 */
abstract class JsonLine {
    private static final int MAX_NESTING = 64;
    private static final long QUOTES = ByteWords.repeated('"');
    private static final long BACKSLASHES = ByteWords.repeated('\\');

    /** The line being read: {@code in[lineStart, end)}; {@code position} is the next byte to read. */
    byte[] in;
    int lineStart;
    int position;
    int end;

    /** The last string read: {@code value[valueStart, valueStart + valueLength)}, in the line or in text. */
    byte[] value;
    int valueStart;
    int valueLength;
    /** Where strings with escapes or non-ASCII characters are decoded to. */
    private byte[] text = new byte[128];
    private int textLength;

    /** Starts reading {@code bytes[start, end)}. */
    final void begin(byte[] bytes, int start, int end) {
        this.in = bytes;
        this.lineStart = start;
        this.position = start;
        this.end = end;
    }

    final void skipValue(int depth) {
        if (depth > MAX_NESTING) {
            throw syntax("values nested more than " + MAX_NESTING + " deep");
        }
        int c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            container(depth, c == '{' ? '}' : ']', c == '{');
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            skipNumber();
        } else if (!literal("true") && !literal("false") && !literal("null")) {
            throw syntax("expected a JSON value");
        }
    }

    static boolean startsAValue(int c) {
        return c == '"' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f'
                || c == 'n';
    }

    private void container(int depth, char close, boolean object) {
        position++;
        skipWhitespace();
        if (peek() == close) {
            position++;
            return;
        }
        while (true) {
            if (object) {
                if (peek() != '"') {
                    throw syntax("expected a field name in double quotes");
                }
                string();
                skipWhitespace();
                expect(':', "expected : after a field name");
                skipWhitespace();
            }
            skipValue(depth + 1);
            skipWhitespace();
            int c = peek();
            if (c == close) {
                position++;
                return;
            }
            expect(',', "expected , or " + close);
            skipWhitespace();
        }
    }

    private void skipNumber() {
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (!digits()) {
            throw syntax("malformed number");
        }
        if (peek() == '.') {
            position++;
            if (!digits()) {
                throw syntax("malformed number");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!digits()) {
                throw syntax("malformed number");
            }
        }
    }

    private boolean digits() {
        int start = position;
        while (peek() >= '0' && peek() <= '9') {
            position++;
        }
        return position > start;
    }

    /**
     * Reads the JSON string at the position. Plain ASCII strings, nearly all of them, are left where they are in
     * the line; others are decoded to UTF-8 in {@link #text} and checked.
     */
    final void string() {
        int start = position + 1;
        int plainEnd = plainTextEnd(in, start, end);
        if (plainEnd < end && in[plainEnd] == '"') {
            value = in;
            valueStart = start;
            valueLength = plainEnd - start;
            position = plainEnd + 1;
            return;
        }
        position = plainEnd;
        textLength = 0;
        appendRange(start, plainEnd);
        decodedString();
        value = text;
        valueStart = 0;
        valueLength = textLength;
    }

    /**
     * Where the plain text that starts at {@code from} ends: the index of the first quote, backslash, control
     * character or non-ASCII byte in {@code bytes[from, to)}, or {@code to}. Eight bytes at a time, since most of a
     * line is in strings.
     */
    private static int plainTextEnd(byte[] bytes, int from, int to) {
        int index = from;
        while (index + Long.BYTES <= to) {
            long word = ByteWords.word(bytes, index);
            long stops = ByteWords.zeroBytes(word ^ QUOTES) | ByteWords.zeroBytes(word ^ BACKSLASHES)
                    | ByteWords.controlOrNonAsciiBytes(word);
            if (stops != 0) {
                return index + ByteWords.firstFound(stops);
            }
            index += Long.BYTES;
        }
        while (index < to) {
            int c = bytes[index];
            if (c == '"' || c == '\\' || c < 0x20) {
                return index;
            }
            index++;
        }
        return index;
    }

    private void decodedString() {
        while (true) {
            if (position >= end) {
                throw syntax("a string is not closed before the end of the line");
            }
            int c = in[position] & 0xFF;
            if (c == '"') {
                position++;
                return;
            }
            if (c == '\\') {
                escape();
            } else if (c < 0x20) {
                throw syntax("a control character inside a string; escape it");
            } else if (c < 0x80) {
                append(c);
                position++;
            } else {
                utf8Sequence(c);
            }
        }
    }

    private void escape() {
        position++;
        int c = peek();
        position++;
        switch (c) {
            case '"', '\\', '/' -> append(c);
            case 'b' -> append('\b');
            case 'f' -> append('\f');
            case 'n' -> append('\n');
            case 'r' -> append('\r');
            case 't' -> append('\t');
            case 'u' -> unicodeEscape();
            default -> {
                position--;
                throw syntax("an invalid escape sequence in a string");
            }
        }
    }

    private void unicodeEscape() {
        int unit = hex4();
        int codePoint = unit;
        if (Character.isHighSurrogate((char) unit)) {
            if (peek() != '\\' || peekAt(position + 1) != 'u') {
                throw syntax("a \\u escape is half of a surrogate pair without its other half");
            }
            position += 2;
            int low = hex4();
            if (!Character.isLowSurrogate((char) low)) {
                throw syntax("a \\u escape is half of a surrogate pair without its other half");
            }
            codePoint = Character.toCodePoint((char) unit, (char) low);
        } else if (Character.isLowSurrogate((char) unit)) {
            throw syntax("a \\u escape is half of a surrogate pair without its other half");
        }
        appendCodePoint(codePoint);
    }

    private int hex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(peek(), 16);
            if (peek() < 0 || digit < 0) {
                throw syntax("a \\u escape needs four hexadecimal digits");
            }
            value = value * 16 + digit;
            position++;
        }
        return value;
    }

    private void utf8Sequence(int lead) {
        int continuations;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuations = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuations = 2;
            min = lead == 0xE0 ? 0xA0 : 0x80;
            max = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuations = 3;
            min = lead == 0xF0 ? 0x90 : 0x80;
            max = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw syntax("bytes that are not UTF-8");
        }
        append(lead);
        position++;
        for (int i = 0; i < continuations; i++) {
            int c = peek();
            if (c < (i == 0 ? min : 0x80) || c > (i == 0 ? max : 0xBF)) {
                throw syntax("bytes that are not UTF-8");
            }
            append(c);
            position++;
        }
    }

    private void appendCodePoint(int codePoint) {
        if (codePoint < 0x80) {
            append(codePoint);
        } else if (codePoint < 0x800) {
            append(0xC0 | codePoint >>> 6);
            append(0x80 | codePoint & 0x3F);
        } else if (codePoint < 0x10000) {
            append(0xE0 | codePoint >>> 12);
            append(0x80 | codePoint >>> 6 & 0x3F);
            append(0x80 | codePoint & 0x3F);
        } else {
            append(0xF0 | codePoint >>> 18);
            append(0x80 | codePoint >>> 12 & 0x3F);
            append(0x80 | codePoint >>> 6 & 0x3F);
            append(0x80 | codePoint & 0x3F);
        }
    }

    private void appendRange(int from, int to) {
        int length = to - from;
        if (textLength + length > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + length));
        }
        System.arraycopy(in, from, text, textLength, length);
        textLength += length;
    }

    private void append(int b) {
        if (textLength == text.length) {
            text = Arrays.copyOf(text, text.length * 2);
        }
        text[textLength++] = (byte) b;
    }

    final boolean literal(String word) {
        int length = word.length();
        if (position + length > end) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (in[position + i] != word.charAt(i)) {
                return false;
            }
        }
        position += length;
        return true;
    }

    /**
     * Skips whitespace at the position. Log lines seldom have any, so the check for none is kept small enough for
     * the JIT to inline into each caller, as is {@link #peek()}'s.
     */
    final void skipWhitespace() {
        if (position < end && in[position] <= ' ') {
            skipWhitespaceFrom(position);
        }
    }

    private void skipWhitespaceFrom(int index) {
        while (index < end && in[index] <= ' ' && isWhitespace(in[index])) {
            index++;
        }
        position = index;
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    final void expect(char c, String problem) {
        if (peek() != c) {
            throw syntax(problem);
        }
        position++;
    }

    final int peek() {
        return position < end ? in[position] & 0xFF : -1;
    }

    private int peekAt(int index) {
        return index < end ? in[index] & 0xFF : -1;
    }

    final InvalidEventException syntax(String problem) {
        String where = position >= end ? "at the end of the line" : "at column " + (position - lineStart + 1);
        return new InvalidEventException("not valid JSON: " + problem + " " + where);
    }

    final boolean valueEquals(byte[] expected) {
        if (valueLength != expected.length) {
            return false;
        }
        for (int i = 0; i < valueLength; i++) {
            if (value[valueStart + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    final boolean valueEqualsIgnoreCase(String expected) {
        if (valueLength != expected.length()) {
            return false;
        }
        for (int i = 0; i < valueLength; i++) {
            int c = value[valueStart + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
