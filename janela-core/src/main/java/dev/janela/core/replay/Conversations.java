package dev.janela.core.replay;

import java.util.Arrays;

/**
 * Numbers the conversations of a parsed log (each distinct pair of channel and customer) in the order they first
 * appear, and tells each event's conversation, so that rating can keep each conversation's state in an array.
 */
final class Conversations {
    private final int[] ofSlot;
    private long[] channel = new long[1024];
    private long[] customer = new long[1024];
    private int count;

    private Conversations(int slots) {
        ofSlot = new int[slots];
    }

    static Conversations index(ParsedLog log) {
        Conversations conversations = new Conversations(log.slots());
        int[] table = new int[ParsedLog.tableSize(log.slots())];
        int mask = table.length - 1;
        for (int slot = 0; slot < log.slots(); slot++) {
            if (log.isRated(slot)) {
                conversations.ofSlot[slot] = conversations.find(table, mask, log.channel[slot], log.customer[slot]);
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

    private int find(int[] table, int mask, long channelDigits, long customerDigits) {
        int index = (int) (ParsedLog.mix(channelDigits * 0x9E3779B97F4A7C15L + customerDigits) & mask);
        while (true) {
            int conversation = table[index] - 1;
            if (conversation < 0) {
                table[index] = add(channelDigits, customerDigits) + 1;
                return count - 1;
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
        }
        channel[count] = channelDigits;
        customer[count] = customerDigits;
        return count++;
    }
}
