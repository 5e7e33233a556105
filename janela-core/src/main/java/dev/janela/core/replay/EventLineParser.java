package dev.janela.core.replay;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.Event;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.conversation.TemplateMessage;
import dev.janela.core.customer.Bsuid;
import dev.janela.core.phone.E164;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses one line of a traffic log, a JSON object, into an event:
 *
 * <pre>
 * {"id":"m1","at":"2026-03-02T10:00:00Z","channel":"+5511999990000","customer":"+5521988887777",
 *  "direction":"out","type":"template","category":"utility","template":"order_update","status":"failed"}
 * </pre>
 *
 * <p>Every input either parses or is rejected with an {@link InvalidEventException} that says what is wrong; the
 * parser never throws anything else. A customer is a phone number or, for one whose number is not known, a
 * business-scoped user ID ({@code "customer":"BR.1502512345678901"}); a customer's call ({@code "type":"call"}) opens
 * or refreshes the window as a message does. It reads bytes (UTF-8) directly and builds no strings for the plain ASCII
 * lines logs are made of, since a replay parses millions of lines a second. Fields it does not know are skipped, so
 * logs may carry more; JSON {@code null} is the same as an absent field.
 *
 * <p>Not thread-safe: each thread uses its own parser.
 */
public final class EventLineParser extends JsonLine {
    /** The longest event id accepted, in UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 1024;

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
    /** Each field's name as logs write it, quoted and followed by its colon: {@code "id":}. */
    private static final byte[][] QUOTED_NAMES = new byte[FIELD_NAMES.length][];
    private static final int REQUIRED = (1 << ID) | (1 << AT) | (1 << CHANNEL) | (1 << CUSTOMER) | (1 << DIRECTION)
            | (1 << TYPE);

    private static final byte[] IN = {'i', 'n'};
    private static final byte[] OUT = {'o', 'u', 't'};
    private static final byte[] TYPE_TEMPLATE = "template".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TYPE_CALL = "call".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATUS_FAILED = "failed".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] STATUS_DELIVERED = {
        "sent".getBytes(StandardCharsets.US_ASCII),
        "delivered".getBytes(StandardCharsets.US_ASCII),
        "read".getBytes(StandardCharsets.US_ASCII),
    };

    static {
        for (int field = 0; field < FIELD_NAMES.length; field++) {
            FIELD_BYTES[field] = FIELD_NAMES[field].getBytes(StandardCharsets.US_ASCII);
            QUOTED_NAMES[field] = ("\"" + FIELD_NAMES[field] + "\":").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final BsuidNumbers bsuids;
    private final Iso8601 instants = new Iso8601();
    private final byte[] id = new byte[MAX_ID_BYTES];
    private int idLength;
    private int idInLine;
    private long atNanos;
    private long channel;
    private long customer;
    private int flags;
    private int seen;
    private int present;
    private boolean categoryKnown;
    private boolean call;
    /** How many digits the number just read has. */
    private int digitCount;
    /** The last channel number checked, and its count of digits (-1 before any). */
    private long checkedChannel;
    private int checkedChannelDigitCount = -1;

    public EventLineParser() {
        this(new BsuidNumbers());
    }

    /** A parser whose customers known by a BSUID are numbered in {@code bsuids}, shared by a log's parsers. */
    EventLineParser(BsuidNumbers bsuids) {
        this.bsuids = bsuids;
    }

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
        begin(bytes, start, end);
        this.seen = 0;
        this.present = 0;
        this.flags = 0;
        this.categoryKnown = false;
        this.call = false;
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

    /**
     * Where the id is in the bytes parsed, or -1 if it is not there as it is: it had escapes or non-ASCII
     * characters, and is only in {@link #idBytes()}.
     */
    int idInLine() {
        return idInLine;
    }

    /** The event's time, in nanoseconds since the epoch. */
    long atNanos() {
        return atNanos;
    }

    long channel() {
        return channel;
    }

    /** The customer: a phone number's digits, or a negative number that {@link BsuidNumbers} gave a BSUID. */
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
                bsuids.key(channel, customer), flags);
    }

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
        int next = ID;
        while (true) {
            int field = quotedName(next);
            if (field < 0) {
                if (peek() != '"') {
                    throw syntax("expected a field name in double quotes");
                }
                field = fieldName();
                skipWhitespace();
                expect(':', "expected : after a field name");
            }
            skipWhitespace();
            if (field < 0) {
                skipValue(1);
            } else {
                value(field);
                next = field + 1;
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

    /**
     * Reads the name of field {@code expected}, quoted and followed by its colon, if that is what comes next and the
     * field was not seen yet; else reads nothing and returns -1. Logs write their fields in the same order on every
     * line, so the field after the last one read is compared in place, without reading its name as a string.
     */
    private int quotedName(int expected) {
        if (expected >= QUOTED_NAMES.length || (seen & (1 << expected)) != 0) {
            return -1;
        }
        byte[] quoted = QUOTED_NAMES[expected];
        if (end - position < quoted.length) {
            return -1;
        }
        for (int index = 0; index < quoted.length; index++) {
            if (in[position + index] != quoted[index]) {
                return -1;
            }
        }
        position += quoted.length;
        seen |= 1 << expected;
        return expected;
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
        int first = peek();
        if (!startsAValue(first)) {
            throw syntax("expected a JSON value");
        }
        if (first == 'n' && literal("null")) {
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
            case CHANNEL -> channel = channelNumber();
            case CUSTOMER -> customer = customerField();
            case DIRECTION -> direction();
            case TYPE -> type();
            case CATEGORY -> category();
            case STATUS -> status();
            default -> {
                // the template's name: informative only
            }
        }
    }

    private void id() {
        if (valueLength == 0) {
            throw InvalidEventException.field("id", "is empty");
        }
        if (valueLength > MAX_ID_BYTES) {
            throw InvalidEventException.field("id", "is longer than " + MAX_ID_BYTES + " bytes");
        }
        System.arraycopy(value, valueStart, id, 0, valueLength);
        idLength = valueLength;
        idInLine = value == in ? valueStart : -1;
    }

    private void at() {
        try {
            atNanos = instants.epochNanos(value, valueStart, valueLength);
        } catch (Iso8601.Invalid e) {
            throw InvalidEventException.field("at", e.getMessage());
        }
    }

    /**
     * The channel's number. A log has few channels, so a number checked on an earlier line is not checked again:
     * finding a number's calling code was a tenth of a line's parsing.
     */
    private long channelNumber() {
        long digits = digits("channel");
        if (digits != checkedChannel || digitCount != checkedChannelDigitCount) {
            check("channel", digits);
            checkedChannel = digits;
            checkedChannelDigitCount = digitCount;
        }
        return digits;
    }

    private long number(String field) {
        long digits = digits(field);
        check(field, digits);
        return digits;
    }

    /** The number's first {@link E164#MAX_DIGITS} digits; {@link #digitCount} is how many it has. */
    private long digits(String field) {
        if (valueLength == 0) {
            throw InvalidEventException.field(field, "is empty; expected an E.164 number such as +5511999990000");
        }
        int limit = valueStart + valueLength;
        int start = value[valueStart] == '+' ? valueStart + 1 : valueStart;
        digitCount = limit - start;
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
        return digits;
    }

    private void check(String field, long digits) {
        Optional<String> problem = E164.problem(digits, digitCount);
        if (problem.isPresent()) {
            throw InvalidEventException.field(field, problem.get());
        }
    }

    private long customerField() {
        if (valueLength == 0 || !Bsuid.startsOne(value[valueStart])) {
            return number("customer");
        }
        String bsuid = new String(value, valueStart, valueLength, StandardCharsets.ISO_8859_1);
        Bsuid.problem(bsuid).ifPresent(problem -> {
            throw InvalidEventException.field("customer", problem);
        });
        return bsuids.customerOf(bsuid);
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
        call = valueEquals(TYPE_CALL);
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
        if (outbound && call) {
            throw InvalidEventException.field("type", "a call by the business is not priced by Janela; only a"
                    + " customer's call (direction \"in\") opens the window");
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
