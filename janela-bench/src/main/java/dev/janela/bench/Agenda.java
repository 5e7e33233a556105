package dev.janela.bench;

/**
 * When each conversation speaks next: a binary min-heap of (time, conversation), earliest first, ties broken by
 * conversation so that a simulation is the same for the same seed. Not thread-safe.
 */
final class Agenda {
    private final long[] times;
    private final int[] conversations;
    private int size;

    Agenda(int capacity) {
        times = new long[capacity];
        conversations = new int[capacity];
    }

    void add(long time, int conversation) {
        if (size == times.length) {
            throw new IllegalStateException("the agenda is full: " + size + " conversations");
        }
        times[size] = time;
        conversations[size] = conversation;
        siftUp(size++);
    }

    long earliestTime() {
        requireNotEmpty();
        return times[0];
    }

    int earliestConversation() {
        requireNotEmpty();
        return conversations[0];
    }

    /** Moves the earliest conversation to {@code time}, which is not before its current time. */
    void postponeEarliest(long time) {
        requireNotEmpty();
        times[0] = time;
        siftDown(0);
    }

    private void siftUp(int index) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(index, parent)) {
                return;
            }
            swap(index, parent);
            index = parent;
        }
    }

    private void siftDown(int index) {
        while (true) {
            int earliest = index;
            int left = 2 * index + 1;
            if (left < size && before(left, earliest)) {
                earliest = left;
            }
            if (left + 1 < size && before(left + 1, earliest)) {
                earliest = left + 1;
            }
            if (earliest == index) {
                return;
            }
            swap(index, earliest);
            index = earliest;
        }
    }

    private boolean before(int first, int second) {
        return times[first] < times[second]
                || times[first] == times[second] && conversations[first] < conversations[second];
    }

    private void swap(int first, int second) {
        long time = times[first];
        times[first] = times[second];
        times[second] = time;
        int conversation = conversations[first];
        conversations[first] = conversations[second];
        conversations[second] = conversation;
    }

    private void requireNotEmpty() {
        if (size == 0) {
            throw new IllegalStateException("the agenda is empty");
        }
    }
}
