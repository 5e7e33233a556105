package dev.janela.core.replay;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads bytes eight at a time, as one little-endian {@code long}, and finds bytes of interest in such a word without
 * a loop over its bytes: with millions of lines a second, loops over single bytes would cost as much as the rest of
 * parsing. Each finder returns a mask with the high bit of every byte it found set and no other bit, exactly: no
 * byte is marked that should not be, so the lowest marked byte is the first found.
 */
final class ByteWords {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** Added to a byte of at most 0x7F, it sets the high bit exactly when the byte is 0x20 or more. */
    private static final long TO_SPACE = ONES * (0x80 - 0x20);
    /** The bytes 7, 6, ... 0, from the lowest. */
    private static final long PLACES = 0x0001020304050607L;

    private ByteWords() {
    }

    /** The eight bytes {@code bytes[index, index + 8)}, the first in the lowest bits. */
    static long word(byte[] bytes, int index) {
        return (long) LONGS.get(bytes, index);
    }

    /** A word whose eight bytes are all {@code b}. */
    static long repeated(char b) {
        return ONES * b;
    }

    /** The bytes of {@code word} that are zero; with {@code word ^ repeated(b)}, those that are {@code b}. */
    static long zeroBytes(long word) {
        long nonZeroLowBits = (word & LOW_SEVEN) + LOW_SEVEN;
        return ~(nonZeroLowBits | word | LOW_SEVEN);
    }

    /** The bytes of {@code word} below 0x20 (control characters) or above 0x7F (not ASCII). */
    static long controlOrNonAsciiBytes(long word) {
        return (~((word & LOW_SEVEN) + TO_SPACE) | word) & HIGH_BITS;
    }

    /** The place in its word (0 to 7) of the first byte {@code found}, a non-zero mask of a finder, marks. */
    static int firstFound(long found) {
        // The lowest mark, moved to the lowest bit of its byte, is 2^(8 * place): multiplying by these bytes,
        // 7 down to 0, brings byte 7 - place, which holds place, to the top. C1 calls numberOfTrailingZeros as a
        // method rather than use the processor's instruction.
        return (int) (((found & -found) >>> 7) * PLACES >>> 56);
    }
}
