package dev.janela.core.replay;

import java.util.Arrays;

/**
 * The order events are rated in: by time, and where times are equal, by line (a stable sort). Logs are usually in
 * time order already, which one pass checks, or nearly so (a webhook log has lines a little early or late), which an
 * insertion sort handles in about linear time. Other logs are sorted by a least-significant-digit radix sort of
 * (time, slot) pairs, stable by construction and linear in the number of events.
 */
final class TimeOrder {
    private static final int DIGIT_BITS = 11;
    private static final int RADIX = 1 << DIGIT_BITS;
    /** How many moves per event an insertion sort may make before a radix sort takes over. */
    private static final int INSERTION_MOVES_PER_EVENT = 8;

    private TimeOrder() {
    }

    /** The slots of the events to rate, in the order to rate them. */
    static int[] of(ParsedLog log) {
        int events = 0;
        boolean sorted = true;
        long previous = Long.MIN_VALUE;
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        int[] slots = new int[log.slots()];
        for (int slot = 0; slot < log.slots(); slot++) {
            if (log.isRated(slot)) {
                long at = log.atNanos[slot];
                sorted &= at >= previous;
                previous = at;
                earliest = Math.min(earliest, at);
                latest = Math.max(latest, at);
                slots[events++] = slot;
            }
        }
        slots = Arrays.copyOf(slots, events);
        if (sorted) {
            return slots;
        }
        long[] keys = new long[events];
        for (int i = 0; i < events; i++) {
            keys[i] = log.atNanos[slots[i]] - earliest;
        }
        if (!insertionSort(keys, slots, (long) events * INSERTION_MOVES_PER_EVENT)) {
            radixSort(keys, slots, 64 - Long.numberOfLeadingZeros(latest - earliest));
        }
        return slots;
    }

    /**
     * Sorts {@code slots} by {@code keys} by insertion, keeping the order of equal keys, until it has made
     * {@code maxMoves} moves. Stopped early, it leaves a permutation in which equal keys are still in their first
     * order, so a stable sort can finish the work.
     *
     * @return whether it finished
     */
    private static boolean insertionSort(long[] keys, int[] slots, long maxMoves) {
        long moves = 0;
        for (int i = 1; i < keys.length; i++) {
            long key = keys[i];
            if (Long.compareUnsigned(key, keys[i - 1]) >= 0) {
                continue;
            }
            int slot = slots[i];
            int j = i - 1;
            while (j >= 0 && Long.compareUnsigned(keys[j], key) > 0) {
                keys[j + 1] = keys[j];
                slots[j + 1] = slots[j];
                j--;
            }
            keys[j + 1] = key;
            slots[j + 1] = slot;
            moves += i - 1 - j;
            if (moves > maxMoves) {
                return false;
            }
        }
        return true;
    }

    /** Sorts {@code slots} by {@code keys} (non-negative), keeping the order of equal keys. */
    private static void radixSort(long[] keys, int[] slots, int keyBits) {
        long[] keysOut = new long[keys.length];
        int[] slotsOut = new int[slots.length];
        int[] counts = new int[RADIX];
        for (int shift = 0; shift < keyBits; shift += DIGIT_BITS) {
            Arrays.fill(counts, 0);
            for (long key : keys) {
                counts[(int) (key >>> shift) & (RADIX - 1)]++;
            }
            int position = 0;
            for (int digit = 0; digit < RADIX; digit++) {
                int count = counts[digit];
                counts[digit] = position;
                position += count;
            }
            for (int i = 0; i < keys.length; i++) {
                int target = counts[(int) (keys[i] >>> shift) & (RADIX - 1)]++;
                keysOut[target] = keys[i];
                slotsOut[target] = slots[i];
            }
            System.arraycopy(keysOut, 0, keys, 0, keys.length);
            System.arraycopy(slotsOut, 0, slots, 0, slots.length);
        }
    }
}
