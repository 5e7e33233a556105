package dev.janela.core.phone;

import java.util.Optional;

/**
 * The syntax of E.164 numbers as Janela accepts them: up to 15 digits after an optional {@code +}, starting with a
 * country calling code. Numbers are held as a {@code long} of their digits, which fits every E.164 number exactly.
 */
public final class E164 {
    /** The fewest digits a real number has (calling code included): Niue's and Tokelau's have seven. */
    public static final int MIN_DIGITS = 7;
    /** The most digits E.164 allows. */
    public static final int MAX_DIGITS = 15;

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int exponent = 1; exponent < POWERS_OF_TEN.length; exponent++) {
            POWERS_OF_TEN[exponent] = POWERS_OF_TEN[exponent - 1] * 10;
        }
    }

    private E164() {
    }

    /**
     * The digits of {@code text} as a number, or a sentence saying why it is not an E.164 number.
     *
     * @return either the digits or a problem, never both
     */
    public static Parsed parse(CharSequence text) {
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '+' ? 1 : 0;
        if (length == 0) {
            return Parsed.problem("is empty; expected an E.164 number such as +5511999990000");
        }
        int digitCount = length - start;
        long digits = 0;
        for (int index = start; index < length; index++) {
            char c = text.charAt(index);
            if (c < '0' || c > '9') {
                return Parsed.problem("must be digits with an optional leading +, as in +5511999990000");
            }
            if (index - start < MAX_DIGITS) {
                digits = digits * 10 + (c - '0');
            }
        }
        return check(digits, digitCount);
    }

    /**
     * Checks a number already reduced to its digits.
     *
     * @param digits the digits as a number
     * @param digitCount how many digits were written, leading zeros included
     */
    public static Parsed check(long digits, int digitCount) {
        // Without lambdas: a replay checks each conversation's numbers, and its JIT (C1) calls them rather than
        // inlines them.
        Optional<String> problem = problem(digits, digitCount);
        return problem.isPresent() ? Parsed.problem(problem.get()) : new Parsed(digits, null);
    }

    /**
     * Why a number already reduced to its digits is not an E.164 number, to be prefixed with the field's name, or
     * empty when it is one. Unlike {@link #check}, it makes no object for a valid number, for callers that check
     * millions of them.
     *
     * @param digits the digits as a number
     * @param digitCount how many digits were written, leading zeros included
     */
    public static Optional<String> problem(long digits, int digitCount) {
        if (digitCount == 0) {
            return Optional.of("has no digits; expected an E.164 number such as +5511999990000");
        }
        if (digitCount < MIN_DIGITS || digitCount > MAX_DIGITS) {
            return Optional.of("has " + digitCount + " digits; E.164 numbers have " + MIN_DIGITS + " to "
                    + MAX_DIGITS);
        }
        if (digitCount(digits) != digitCount) {
            return Optional.of("starts with 0; E.164 numbers start with a country calling code");
        }
        if (PhoneCountries.callingCode(digits) == 0) {
            return Optional.of("starts with no country calling code in use");
        }
        return Optional.empty();
    }

    /** {@code +} followed by the digits. */
    public static String format(long digits) {
        return "+".concat(Long.toString(digits)); // not +: C1 calls the concatenation's method handles
    }

    /** How many decimal digits {@code digits} has (at least one; {@code digits} is not negative). */
    static int digitCount(long digits) {
        // log10 from log2: 1233 / 4096 is log10(2) to within 0.02%, then one comparison corrects the estimate
        int estimate = (Long.SIZE - Long.numberOfLeadingZeros(digits)) * 1233 >>> 12;
        return estimate < POWERS_OF_TEN.length && digits >= POWERS_OF_TEN[estimate] ? estimate + 1
                : Math.max(1, estimate);
    }

    /** {@code 10^exponent}, for exponents 0 to 18. */
    static long powerOfTen(int exponent) {
        return POWERS_OF_TEN[exponent];
    }

    /**
     * The outcome of {@link #parse}: the digits, or the reason there are none.
     *
     * @param digits the number's digits; meaningful only without a problem
     * @param problem why the text is not a number, to be prefixed with the field's name
     */
    public record Parsed(long digits, String problem) {
        static Parsed problem(String problem) {
            return new Parsed(0, problem);
        }

        public boolean isValid() {
            return problem == null;
        }

        public Optional<String> problemText() {
            return Optional.ofNullable(problem);
        }
    }
}
