package dev.janela.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** The eight-bytes-at-a-time line scanner agrees with a byte-by-byte loop on random bytes and ranges. */
class LinesTest {
    @RepeatedTest(500)
    void scanning_agreesWithAByteLoop(RepetitionInfo repetition) {
        long seed = 0x11E5_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = new byte[random.nextInt(200)];
        for (int i = 0; i < bytes.length; i++) {
            int roll = random.nextInt(10);
            bytes[i] = (byte) (roll == 0 ? '\n' : roll == 1 ? 0x0A + 0x80 : roll == 2 ? 0 : random.nextInt(256));
        }
        int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        int to = from + random.nextInt(bytes.length - from + 1);

        assertThat(Lines.indexOfNewline(bytes, from, to)).as("seed %d", seed).isEqualTo(firstNewline(bytes, from, to));
        assertThat(Lines.countNewlines(bytes, from, to)).as("seed %d", seed).isEqualTo(newlines(bytes, from, to));
    }

    private static int firstNewline(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    private static int newlines(byte[] bytes, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}
