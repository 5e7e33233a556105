package dev.janela.core.phone;

import java.util.regex.Pattern;

/** Phone numbers as people write them: {@code +55 (11) 98765-4321} is {@code +5511987654321}. */
public final class WrittenNumbers {
    private static final Pattern WRITING = Pattern.compile("[\\s().-]");

    private WrittenNumbers() {
    }

    /**
     * {@code text} without its spaces, brackets, dots and dashes, parsed as E.164; a missing number is invalid.
     */
    public static E164.Parsed parse(String text) {
        return E164.parse(text == null ? "" : WRITING.matcher(text).replaceAll(""));
    }
}
