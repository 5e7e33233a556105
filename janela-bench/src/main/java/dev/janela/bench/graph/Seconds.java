package dev.janela.bench.graph;

/** What a business number's throughput bounds: the messages that reach Meta within any one second. */
public final class Seconds {
    private static final long SECOND_NANOS = 1_000_000_000L;

    private Seconds() {
    }

    /** The most of {@code sorted} (times in nanoseconds, earliest first) within any one second: a sliding window. */
    public static int mostInOne(long[] sorted) {
        return busiest(sorted)[0];
    }

    /** When the second of {@link #mostInOne} begins: the time of its first. */
    public static long busiestFrom(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[busiest(sorted)[1]];
    }

    /** How many the busiest second holds, and the index of its first. */
    private static int[] busiest(long[] sorted) {
        int most = 0;
        int from = 0;
        int first = 0;
        for (int last = 0; last < sorted.length; last++) {
            while (sorted[last] - sorted[first] >= SECOND_NANOS) {
                first++;
            }
            if (last - first + 1 > most) {
                most = last - first + 1;
                from = first;
            }
        }
        return new int[] {most, from};
    }
}
