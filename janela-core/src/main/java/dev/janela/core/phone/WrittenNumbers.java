package dev.janela.core.phone;

import java.util.Optional;
import java.util.regex.Pattern;

/** Phone numbers as people write them: {@code +55 (11) 98765-4321} is {@code +5511987654321}. */
public final class WrittenNumbers {
    private static final Pattern WRITING = Pattern.compile("[\\s().-]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private WrittenNumbers() {
    }

    /**
     * {@code text} without its spaces, brackets, dots and dashes, parsed as E.164; a missing number is invalid.
     */
    public static E164.Parsed parse(String text) {
        return E164.parse(text == null ? "" : WRITING.matcher(text).replaceAll(""));
    }

    /**
     * The digits of {@code text} when it is written as a phone number or a part of one ({@code 98765-4321},
     * {@code +55 (11) 9876}): digits with spaces, brackets, dots and dashes, after an optional {@code +}. Empty for
     * anything else, such as a name, or writing with no digit in it.
     */
    public static Optional<String> digits(String text) {
        String unwritten = WRITING.matcher(text.startsWith("+") ? text.substring(1) : text).replaceAll("");
        return DIGITS.matcher(unwritten).matches() ? Optional.of(unwritten) : Optional.empty();
    }
}
