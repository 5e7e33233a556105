package dev.janela.bench;

import dev.janela.core.phone.PhoneCountries;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How the phone numbers of one country look, as a pattern of E.164 digits: a digit stands for itself, {@code x} for
 * any digit and {@code N} for 2 to 9 (North American exchanges never start with 0 or 1). For example
 * {@code 1809Nxxxxxx} draws Dominican Republic numbers.
 *
 * @param country the ISO 3166-1 alpha-2 code libphonenumber must give every number drawn
 * @param pattern the digits, calling code first
 * @param weight how often, relative to the other patterns, a customer has a number of this pattern
 */
record NumberPattern(String country, String pattern, int weight) {
    /** A pattern that keeps giving numbers of another country is a mistake in it, not bad luck. */
    private static final int MAX_ATTEMPTS = 1_000;

    NumberPattern {
        Objects.requireNonNull(country, "country");
        if (!pattern.matches("[1-9][0-9xN]{6,14}")) {
            throw new IllegalArgumentException("not a pattern of 7 to 15 E.164 digits: " + pattern);
        }
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be positive, was " + weight);
        }
    }

    /**
     * Draws a number, as digits, that libphonenumber places in {@link #country()}. Some patterns cover numbers of
     * other countries too ({@code +44 7} includes Guernsey's and Jersey's mobiles), so those are drawn again.
     *
     * @throws IllegalStateException if the pattern keeps giving numbers of another country
     */
    long draw(SplittableRandom random) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long digits = fill(random);
            if (PhoneCountries.countryOf(digits).equals(country)) {
                return digits;
            }
        }
        throw new IllegalStateException("pattern " + pattern + " gives no number of " + country);
    }

    private long fill(SplittableRandom random) {
        long digits = 0;
        for (int index = 0; index < pattern.length(); index++) {
            char symbol = pattern.charAt(index);
            int digit = switch (symbol) {
                case 'x' -> random.nextInt(10);
                case 'N' -> random.nextInt(2, 10);
                default -> symbol - '0';
            };
            digits = digits * 10 + digit;
        }
        return digits;
    }
}
