package dev.janela.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** The eight-bytes-at-a-time finders mark exactly the bytes a byte-by-byte test marks, on random words. */
class ByteWordsTest {
    private static final long HIGH_BIT = 0x80;

    @RepeatedTest(1000)
    void finders_markExactlyTheBytesAByteLoopFinds(RepetitionInfo repetition) {
        long seed = 0xB17E_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = new byte[Long.BYTES];
        for (int i = 0; i < bytes.length; i++) {
            int roll = random.nextInt(6);
            bytes[i] = (byte) (roll == 0 ? '"' : roll == 1 ? 0x1F + random.nextInt(3)
                    : roll == 2 ? 0x7F + random.nextInt(3) : roll == 3 ? 0 : random.nextInt(256));
        }
        long word = ByteWords.word(bytes, 0);

        assertThat(ByteWords.zeroBytes(word ^ ByteWords.repeated('"'))).as("seed %d", seed)
                .isEqualTo(marks(bytes, b -> b == '"'));
        assertThat(ByteWords.controlOrNonAsciiBytes(word)).as("seed %d", seed)
                .isEqualTo(marks(bytes, b -> b < 0x20 || b > 0x7F));
        long found = marks(bytes, b -> b == '"' || b < 0x20);
        if (found != 0) {
            assertThat(ByteWords.firstFound(found)).as("seed %d", seed)
                    .isEqualTo(first(bytes, b -> b == '"' || b < 0x20));
        }
    }

    private static long marks(byte[] bytes, IntPredicate test) {
        long mask = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (test.test(bytes[i] & 0xFF)) {
                mask |= HIGH_BIT << (Byte.SIZE * i);
            }
        }
        return mask;
    }

    private static int first(byte[] bytes, IntPredicate test) {
        for (int i = 0; i < bytes.length; i++) {
            if (test.test(bytes[i] & 0xFF)) {
                return i;
            }
        }
        return -1;
    }
}
