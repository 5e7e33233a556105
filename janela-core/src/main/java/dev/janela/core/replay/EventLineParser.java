package dev.janela.core.replay;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.Event;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.conversation.TemplateMessage;
import dev.janela.core.phone.E164;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one line of a traffic log, a JSON object, into an event:
 *
 * <pre>
 * {"id":"m1","at":"2026-03-02T10:00:00Z","channel":"+5511999990000","customer":"+5521988887777",
 *  "direction":"out","type":"template","category":"utility","template":"order_update","status":"failed"}
 * </pre>
 *
 * <p>Every input either parses or is rejected with an {@link InvalidEventException} that says what is wrong; the
 * parser never throws anything else. It reads bytes (UTF-8) directly and allocates nothing per line, since a replay
 * parses millions of lines a second. Fields it does not know are skipped, so logs may carry more; JSON {@code null}
 * is the same as an absent field.
 *
 * <p>Not thread-safe: each thread uses its own parser.
 */
public final class EventLineParser {
    /** The longest event id accepted, in UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 1024;
    private static final int MAX_NESTING = 64;

    static final int OUTBOUND = 1;
    static final int TEMPLATE = 1 << 1;
    static final int FAILED = 1 << 2;
    static final int REFERRAL = 1 << 3;
    static final int CATEGORY_SHIFT = 4;
    static final int CATEGORY_MASK = 3 << CATEGORY_SHIFT;

    private static final TemplateCategory[] CATEGORIES = TemplateCategory.values();

    private static final int ID = 0;
    private static final int AT = 1;
    private static final int CHANNEL = 2;
    private static final int CUSTOMER = 3;
    private static final int DIRECTION = 4;
    private static final int TYPE = 5;
    private static final int CATEGORY = 6;
    private static final int TEMPLATE_NAME = 7;
    private static final int STATUS = 8;
    private static final int REFERRAL_FIELD = 9;
    private static final String[] FIELD_NAMES =
        {"id", "at", "channel", "customer", "direction", "type", "category", "template", "status", "referral"};
    private static final byte[][] FIELD_BYTES = new byte[FIELD_NAMES.length][];
    private static final int REQUIRED = (1 << ID) | (1 << AT) | (1 << CHANNEL) | (1 << CUSTOMER) | (1 << DIRECTION)
            | (1 << TYPE);

    private static final byte[] IN = {'i', 'n'};
    private static final byte[] OUT = {'o', 'u', 't'};
    private static final byte[] TYPE_TEMPLATE = "template".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATUS_FAILED = "failed".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] STATUS_DELIVERED = {
        "sent".getBytes(StandardCharsets.US_ASCII),
        "delivered".getBytes(StandardCharsets.US_ASCII),
        "read".getBytes(StandardCharsets.US_ASCII),
    };

    static {
        for (int field = 0; field < FIELD_NAMES.length; field++) {
            FIELD_BYTES[field] = FIELD_NAMES[field].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private byte[] in;
    private int lineStart;
    private int position;
    private int end;

    /** The last string read: {@code value[valueStart, valueStart + valueLength)}, in the line or in text. */
    private byte[] value;
    private int valueStart;
    private int valueLength;
    /** Where strings with escapes or non-ASCII characters are decoded to. */
    private byte[] text = new byte[128];
    private int textLength;
    /** Numbers already checked, by a hash of their digits: logs repeat the same numbers many times. */
    private final long[] checkedNumbers = new long[1 << 14];
    private final int[] checkedDigitCounts = new int[1 << 14];

    public EventLineParser() {
        Arrays.fill(checkedNumbers, -1);
    }

    private final byte[] id = new byte[MAX_ID_BYTES];
    private int idLength;
    private long atNanos;
    private long channel;
    private long customer;
    private int flags;
    private int seen;
    private int present;
    private boolean categoryKnown;

    /** Parses {@code line} (UTF-8, without its line break). */
    public Event parse(String line) {
        return parse(line.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses one line of UTF-8 bytes, without its line break.
     *
     * @throws InvalidEventException if the line is not a valid event
     */
    public Event parse(byte[] line) {
        parse(line, 0, line.length);
        return event();
    }

    /**
     * Parses the bytes {@code [start, end)} of {@code bytes}; the results are then read from this parser.
     *
     * @throws InvalidEventException if they are not a valid event
     */
    void parse(byte[] bytes, int start, int end) {
        this.in = bytes;
        this.lineStart = start;
        this.position = start;
        this.end = end;
        this.seen = 0;
        this.present = 0;
        this.flags = 0;
        this.categoryKnown = false;
        object();
        check();
    }

    /** The event's id, in {@link #idBytes()}{@code [0, idLength())}. */
    int idLength() {
        return idLength;
    }

    byte[] idBytes() {
        return id;
    }

    /** The event's time, in nanoseconds since the epoch. */
    long atNanos() {
        return atNanos;
    }

    long channel() {
        return channel;
    }

    long customer() {
        return customer;
    }

    /** {@link #OUTBOUND}, {@link #TEMPLATE}, {@link #FAILED}, {@link #REFERRAL} and the category's ordinal. */
    int flags() {
        return flags;
    }

    /** Builds the event the flags and fields describe. */
    static Event event(String id, Instant at, ConversationKey conversation, int flags) {
        boolean failed = (flags & FAILED) != 0;
        if ((flags & OUTBOUND) == 0) {
            return new CustomerMessage(id, at, conversation, (flags & REFERRAL) != 0);
        }
        if ((flags & TEMPLATE) != 0) {
            return new TemplateMessage(id, at, conversation, category(flags), failed);
        }
        return new FreeFormMessage(id, at, conversation, failed);
    }

    static TemplateCategory category(int flags) {
        return CATEGORIES[(flags & CATEGORY_MASK) >>> CATEGORY_SHIFT];
    }

    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private Event event() {
        return event(new String(id, 0, idLength, StandardCharsets.UTF_8), instant(atNanos),
                ConversationKey.of(channel, customer), flags);
    }

    // ---- JSON ----

    private void object() {
        skipWhitespace();
        int c = peek();
        if (c != '{') {
            throw new InvalidEventException(c < 0 ? "the line is empty"
                    : c == '[' ? "the line is a JSON array; each line must be one JSON object"
                    : "the line is not a JSON object; expected {\"id\":...,\"at\":...}");
        }
        position++;
        skipWhitespace();
        if (peek() == '}') {
            position++;
        } else {
            members();
        }
        skipWhitespace();
        if (position < end) {
            throw syntax("unexpected text after the JSON object");
        }
    }

    private void members() {
        while (true) {
            if (peek() != '"') {
                throw syntax("expected a field name in double quotes");
            }
            int field = fieldName();
            skipWhitespace();
            expect(':', "expected : after a field name");
            skipWhitespace();
            if (field < 0) {
                skipValue(1);
            } else {
                value(field);
            }
            skipWhitespace();
            if (peek() == '}') {
                position++;
                return;
            }
            expect(',', "expected , or } after a value");
            skipWhitespace();
        }
    }

    private int fieldName() {
        string();
        int field = candidateField();
        if (field < 0 || !valueEquals(FIELD_BYTES[field])) {
            return -1;
        }
        if ((seen & (1 << field)) != 0) {
            throw new InvalidEventException("field \"" + FIELD_NAMES[field] + "\" appears twice");
        }
        seen |= 1 << field;
        return field;
    }

    /** The only known field the name just read can be, from its length and a letter; checked by the caller. */
    private int candidateField() {
        return switch (valueLength) {
            case 2 -> value[valueStart] == 'i' ? ID : AT;
            case 4 -> TYPE;
            case 6 -> STATUS;
            case 7 -> CHANNEL;
            case 8 -> switch (value[valueStart + 2]) {
                case 's' -> CUSTOMER;
                case 't' -> CATEGORY;
                case 'm' -> TEMPLATE_NAME;
                default -> REFERRAL_FIELD;
            };
            case 9 -> DIRECTION;
            default -> -1;
        };
    }

    private void value(int field) {
        if (!startsAValue(peek())) {
            throw syntax("expected a JSON value");
        }
        if (literal("null")) {
            return;
        }
        present |= 1 << field;
        if (field == REFERRAL_FIELD) {
            if (literal("true")) {
                flags |= REFERRAL;
            } else if (!literal("false")) {
                throw InvalidEventException.field("referral", "must be true or false");
            }
            return;
        }
        if (peek() != '"') {
            throw InvalidEventException.field(FIELD_NAMES[field], "must be a string");
        }
        string();
        switch (field) {
            case ID -> id();
            case AT -> at();
            case CHANNEL -> channel = number("channel");
            case CUSTOMER -> customer = number("customer");
            case DIRECTION -> direction();
            case TYPE -> type();
            case CATEGORY -> category();
            case STATUS -> status();
            default -> {
                // the template's name: informative only
            }
        }
    }

    private void skipValue(int depth) {
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

    private static boolean startsAValue(int c) {
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
    private void string() {
        position++;
        int start = position;
        while (position < end) {
            int c = in[position];
            if (c == '"') {
                value = in;
                valueStart = start;
                valueLength = position - start;
                position++;
                return;
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            position++;
        }
        textLength = 0;
        appendRange(start, position);
        decodedString();
        value = text;
        valueStart = 0;
        valueLength = textLength;
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

    private boolean literal(String word) {
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

    private void skipWhitespace() {
        while (position < end && in[position] <= ' ' && isWhitespace(in[position])) {
            position++;
        }
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private void expect(char c, String problem) {
        if (peek() != c) {
            throw syntax(problem);
        }
        position++;
    }

    private int peek() {
        return peekAt(position);
    }

    private int peekAt(int index) {
        return index < end ? in[index] & 0xFF : -1;
    }

    private InvalidEventException syntax(String problem) {
        String where = position >= end ? "at the end of the line" : "at column " + (position - lineStart + 1);
        return new InvalidEventException("not valid JSON: " + problem + " " + where);
    }

    private boolean valueEquals(byte[] expected) {
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

    private boolean valueEqualsIgnoreCase(String expected) {
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

    // ---- fields ----

    private void id() {
        if (valueLength == 0) {
            throw InvalidEventException.field("id", "is empty");
        }
        if (valueLength > MAX_ID_BYTES) {
            throw InvalidEventException.field("id", "is longer than " + MAX_ID_BYTES + " bytes");
        }
        System.arraycopy(value, valueStart, id, 0, valueLength);
        idLength = valueLength;
    }

    private void at() {
        try {
            atNanos = Iso8601.epochNanos(value, valueStart, valueLength);
        } catch (Iso8601.Invalid e) {
            throw InvalidEventException.field("at", e.getMessage());
        }
    }

    private long number(String field) {
        if (valueLength == 0) {
            throw InvalidEventException.field(field, "is empty; expected an E.164 number such as +5511999990000");
        }
        int limit = valueStart + valueLength;
        int start = value[valueStart] == '+' ? valueStart + 1 : valueStart;
        int digitCount = limit - start;
        long digits = 0;
        for (int i = start; i < limit; i++) {
            int c = value[i];
            if (c < '0' || c > '9') {
                throw InvalidEventException.field(field, "must be digits with an optional leading +, as in"
                        + " +5511999990000");
            }
            if (i - start < E164.MAX_DIGITS) {
                digits = digits * 10 + (c - '0');
            }
        }
        int slot = (int) ParsedLog.mix(digits) & (checkedNumbers.length - 1);
        if (checkedNumbers[slot] == digits && checkedDigitCounts[slot] == digitCount) {
            return digits;
        }
        E164.Parsed parsed = E164.check(digits, digitCount);
        if (!parsed.isValid()) {
            throw InvalidEventException.field(field, parsed.problem());
        }
        checkedNumbers[slot] = digits;
        checkedDigitCounts[slot] = digitCount;
        return digits;
    }

    private void direction() {
        if (valueEquals(OUT)) {
            flags |= OUTBOUND;
        } else if (!valueEquals(IN)) {
            throw InvalidEventException.field("direction", "must be \"in\" (customer to business) or \"out\"");
        }
    }

    private void type() {
        if (valueLength == 0) {
            throw InvalidEventException.field("type", "is empty; expected template, text, image, ...");
        }
        if (valueEquals(TYPE_TEMPLATE)) {
            flags |= TEMPLATE;
        }
    }

    private void category() {
        for (TemplateCategory category : CATEGORIES) {
            if (valueEqualsIgnoreCase(category.wireName())) {
                flags |= category.ordinal() << CATEGORY_SHIFT;
                categoryKnown = true;
                return;
            }
        }
    }

    private void status() {
        if (valueEquals(STATUS_FAILED)) {
            flags |= FAILED;
            return;
        }
        for (byte[] delivered : STATUS_DELIVERED) {
            if (valueEquals(delivered)) {
                return;
            }
        }
        throw InvalidEventException.field("status", "must be failed, or sent, delivered or read");
    }

    private void check() {
        int missing = REQUIRED & ~present;
        if (missing != 0) {
            List<String> names = new ArrayList<>();
            for (int field = 0; field < FIELD_NAMES.length; field++) {
                if ((missing & (1 << field)) != 0) {
                    names.add(FIELD_NAMES[field]);
                }
            }
            throw new InvalidEventException((names.size() == 1 ? "missing field " : "missing fields ")
                    + String.join(", ", names));
        }
        boolean outbound = (flags & OUTBOUND) != 0;
        boolean template = (flags & TEMPLATE) != 0;
        if (!outbound && template) {
            throw InvalidEventException.field("type", "a customer cannot send a template; direction \"in\" is the"
                    + " customer writing");
        }
        if (!outbound && (present & (1 << STATUS)) != 0) {
            throw InvalidEventException.field("status", "applies only to outbound messages");
        }
        if (template && !categoryKnown) {
            throw InvalidEventException.field("category", (present & (1 << CATEGORY)) == 0
                    ? "missing; a template needs its category: marketing, utility or authentication"
                    : "must be marketing, utility or authentication");
        }
    }
}
