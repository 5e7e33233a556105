package dev.janela.core.replay;

import java.util.Arrays;

/**
 * Numbers the conversations of a parsed log (each distinct pair of channel and customer) in the order they first
 * appear, and tells each event's conversation, so that rating can keep each conversation's state in an array.
 */
final class Conversations {
    private static final int FIRST_CAPACITY = 1024;

    private final int[] ofSlot;
    private long[] channel = new long[FIRST_CAPACITY];
    private long[] customer = new long[FIRST_CAPACITY];
    private int count;
    /**
     * Each conversation's number plus one, by a hash of its channel and customer; sized for the conversations found
     * so far, since a log has far fewer conversations than lines.
     */
    private int[] table = new int[ParsedLog.tableSize(FIRST_CAPACITY)];

    private Conversations(int slots) {
        ofSlot = new int[slots];
    }

    static Conversations index(ParsedLog log) {
        Conversations conversations = new Conversations(log.slots());
        for (int slot = 0; slot < log.slots(); slot++) {
            if (log.isRated(slot)) {
                conversations.ofSlot[slot] = conversations.find(log.channel[slot], log.customer[slot]);
            }
        }
        return conversations;
    }

    /** How many conversations the log holds. */
    int count() {
        return count;
    }

    /** The conversation of the event in {@code slot}. */
    int of(int slot) {
        return ofSlot[slot];
    }

    long channel(int conversation) {
        return channel[conversation];
    }

    long customer(int conversation) {
        return customer[conversation];
    }

    private int find(long channelDigits, long customerDigits) {
        int mask = table.length - 1;
        int index = indexOf(channelDigits, customerDigits, mask);
        while (true) {
            int conversation = table[index] - 1;
            if (conversation < 0) {
                int added = add(channelDigits, customerDigits); // may grow the table
                insert(added);
                return added;
            }
            if (channel[conversation] == channelDigits && customer[conversation] == customerDigits) {
                return conversation;
            }
            index = (index + 1) & mask;
        }
    }

    private int add(long channelDigits, long customerDigits) {
        if (count == channel.length) {
            channel = Arrays.copyOf(channel, count * 2);
            customer = Arrays.copyOf(customer, count * 2);
            rehash(ParsedLog.tableSize(count * 2));
        }
        channel[count] = channelDigits;
        customer[count] = customerDigits;
        return count++;
    }

    private void rehash(int size) {
        table = new int[size];
        for (int conversation = 0; conversation < count; conversation++) {
            insert(conversation);
        }
    }

    private void insert(int conversation) {
        int mask = table.length - 1;
        int index = indexOf(channel[conversation], customer[conversation], mask);
        while (table[index] != 0) {
            index = (index + 1) & mask;
        }
        table[index] = conversation + 1;
    }

    private static int indexOf(long channelDigits, long customerDigits, int mask) {
        return (int) (ParsedLog.mix(channelDigits * 0x9E3779B97F4A7C15L + customerDigits) & mask);
    }
}
