package dev.janela.core.replay;

import java.util.Arrays;

/**
 * The order events are rated in: by time, and where times are equal, by line (a stable sort). Logs are usually in
 * time order already; that is checked first and costs one pass. Otherwise a least-significant-digit radix sort of
 * (time, slot) pairs, stable by construction and linear in the number of events.
 */
final class TimeOrder {
    private static final int DIGIT_BITS = 11;
    private static final int RADIX = 1 << DIGIT_BITS;

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
        radixSort(keys, slots, 64 - Long.numberOfLeadingZeros(latest - earliest));
        return slots;
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
