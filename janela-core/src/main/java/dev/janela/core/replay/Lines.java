package dev.janela.core.replay;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds and counts line breaks in a buffer eight bytes at a time: with millions of lines a second, a loop over single
 * bytes would cost as much as parsing them.
 */
final class Lines {
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;
    private static final long NEWLINES = ONES * '\n';

    private Lines() {
    }

    /** A view of {@code buffer} that reads longs least significant byte first, whatever the platform. */
    static ByteBuffer littleEndian(ByteBuffer buffer) {
        return buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The index of the first {@code '\n'} in {@code [from, to)}, or {@code to} if there is none. */
    static int indexOfNewline(ByteBuffer littleEndian, int from, int to) {
        int index = from;
        while (index + Long.BYTES <= to) {
            long newlineBytes = zeroBytes(littleEndian.getLong(index) ^ NEWLINES);
            if (newlineBytes != 0) {
                return index + Long.numberOfTrailingZeros(newlineBytes) / Byte.SIZE;
            }
            index += Long.BYTES;
        }
        while (index < to && littleEndian.get(index) != '\n') {
            index++;
        }
        return index;
    }

    /** How many {@code '\n'} there are in {@code [from, to)}. */
    static long countNewlines(ByteBuffer littleEndian, int from, int to) {
        long count = 0;
        int index = from;
        while (index + Long.BYTES <= to) {
            count += Long.bitCount(zeroBytes(littleEndian.getLong(index) ^ NEWLINES));
            index += Long.BYTES;
        }
        for (; index < to; index++) {
            if (littleEndian.get(index) == '\n') {
                count++;
            }
        }
        return count;
    }

    /** The high bit of each byte of {@code word} that is zero, and no other bit: exact, without false positives. */
    private static long zeroBytes(long word) {
        long nonZeroLowBits = (word & LOW_SEVEN) + LOW_SEVEN;
        return ~(nonZeroLowBits | word | LOW_SEVEN);
    }
}
