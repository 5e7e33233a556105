package dev.janela.core.replay;

/**
 * Finds and counts line breaks eight bytes at a time: with millions of lines a second, a loop over single bytes
 * would cost as much as parsing them.
 */
final class Lines {
    private static final long NEWLINES = ByteWords.repeated('\n');

    private Lines() {
    }

    /** The index of the first {@code '\n'} in {@code bytes[from, to)}, or {@code to} if there is none. */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int index = from;
        while (index + Long.BYTES <= to) {
            long newlineBytes = ByteWords.zeroBytes(ByteWords.word(bytes, index) ^ NEWLINES);
            if (newlineBytes != 0) {
                return index + ByteWords.firstFound(newlineBytes);
            }
            index += Long.BYTES;
        }
        while (index < to && bytes[index] != '\n') {
            index++;
        }
        return index;
    }

    /** How many {@code '\n'} there are in {@code bytes[from, to)}. */
    static int countNewlines(byte[] bytes, int from, int to) {
        int count = 0;
        int index = from;
        while (index + Long.BYTES <= to) {
            // Most words hold no line break, and the JIT replays run with has no popcount instruction for bitCount:
            // clearing the lowest set bit until none is left costs nothing for those words.
            for (long newlines = ByteWords.zeroBytes(ByteWords.word(bytes, index) ^ NEWLINES); newlines != 0;
                    newlines &= newlines - 1) {
                count++;
            }
            index += Long.BYTES;
        }
        for (; index < to; index++) {
            if (bytes[index] == '\n') {
                count++;
            }
        }
        return count;
    }
}
