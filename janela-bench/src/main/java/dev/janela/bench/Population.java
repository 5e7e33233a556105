package dev.janela.bench;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.phone.E164;
import dev.janela.core.phone.PhoneCountries;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Who talks in simulated traffic: a handful of business channels and many customers from many countries. A
 * conversation is one channel and one customer; most customers write to one channel, mostly that of their own
 * country, and some also to a second one. Numbers are drawn so that libphonenumber gives each its intended country,
 * including the countries that share {@code +1}. Immutable once generated.
 */
final class Population {
    /** One customer in ten also writes to a second channel, so conversations outnumber customers. */
    private static final int SECOND_CHANNEL_PERCENT = 10;
    /** Most of a channel's customers live in the channel's country; the rest come from anywhere. */
    private static final int DOMESTIC_PERCENT = 70;

    private static final List<Channel> CHANNELS = List.of(
            new Channel(5511999990000L, "BR", 30),
            new Channel(919876543210L, "IN", 25),
            new Channel(525512345678L, "MX", 15),
            new Channel(12129870000L, "US", 15),
            new Channel(4930123456789L, "DE", 8),
            new Channel(442071234567L, "GB", 7));

    /** Customers' numbers: mobile ranges, weighted roughly like WhatsApp Business traffic. */
    private static final List<NumberPattern> CUSTOMER_NUMBERS = List.of(
            new NumberPattern("BR", "55119xxxxxxxx", 120),
            new NumberPattern("BR", "55219xxxxxxxx", 50),
            new NumberPattern("BR", "55319xxxxxxxx", 30),
            new NumberPattern("BR", "55819xxxxxxxx", 20),
            new NumberPattern("IN", "919xxxxxxxxx", 100),
            new NumberPattern("IN", "917xxxxxxxxx", 50),
            new NumberPattern("IN", "916xxxxxxxxx", 30),
            new NumberPattern("MX", "5255xxxxxxxx", 60),
            new NumberPattern("MX", "5233xxxxxxxx", 30),
            new NumberPattern("MX", "5281xxxxxxxx", 20),
            new NumberPattern("US", "1212Nxxxxxx", 20),
            new NumberPattern("US", "1305Nxxxxxx", 20),
            new NumberPattern("US", "1415Nxxxxxx", 15),
            new NumberPattern("US", "1713Nxxxxxx", 15),
            new NumberPattern("US", "1312Nxxxxxx", 10),
            new NumberPattern("CA", "1416Nxxxxxx", 12),
            new NumberPattern("CA", "1604Nxxxxxx", 8),
            new NumberPattern("DO", "1809Nxxxxxx", 6),
            new NumberPattern("DO", "1829Nxxxxxx", 4),
            new NumberPattern("DO", "1849Nxxxxxx", 2),
            new NumberPattern("PR", "1787Nxxxxxx", 5),
            new NumberPattern("PR", "1939Nxxxxxx", 2),
            new NumberPattern("JM", "1876Nxxxxxx", 4),
            new NumberPattern("DE", "4915xxxxxxxxx", 25),
            new NumberPattern("DE", "4917xxxxxxxxx", 20),
            new NumberPattern("GB", "447xxxxxxxxx", 30),
            new NumberPattern("ID", "628xxxxxxxxxx", 60),
            new NumberPattern("AR", "54911xxxxxxxx", 25),
            new NumberPattern("CO", "573xxxxxxxxx", 25),
            new NumberPattern("ES", "346xxxxxxxx", 15),
            new NumberPattern("FR", "336xxxxxxxx", 12),
            new NumberPattern("IT", "393xxxxxxxxx", 15),
            new NumberPattern("NG", "23480xxxxxxxx", 15),
            new NumberPattern("ZA", "278xxxxxxxx", 12),
            new NumberPattern("EG", "2010xxxxxxxx", 15),
            new NumberPattern("SA", "9665xxxxxxxx", 12),
            new NumberPattern("AE", "9715xxxxxxxx", 8),
            new NumberPattern("PH", "639xxxxxxxxx", 12),
            new NumberPattern("CL", "569xxxxxxxx", 8),
            new NumberPattern("PE", "519xxxxxxxx", 8),
            new NumberPattern("TR", "905xxxxxxxxx", 10),
            new NumberPattern("PK", "923xxxxxxxxx", 10));

    private static final WeightedChoice<Integer> CHANNEL_CHOICE = channelChoice();
    private static final WeightedChoice<NumberPattern> ANY_CUSTOMER = customerChoice("");
    /** Per channel: the customers' patterns of the channel's country. */
    private static final List<WeightedChoice<NumberPattern>> DOMESTIC =
            CHANNELS.stream().map(channel -> customerChoice(channel.country())).toList();

    private final String[] channelNumbers;
    private final String[] customerNumbers;
    /** Per conversation: the index of its channel, and of its customer. */
    private final byte[] channelOf;
    private final int[] customerOf;

    private Population(String[] channelNumbers, String[] customerNumbers, byte[] channelOf, int[] customerOf) {
        this.channelNumbers = channelNumbers;
        this.customerNumbers = customerNumbers;
        this.channelOf = channelOf;
        this.customerOf = customerOf;
    }

    /**
     * A population of {@code customers} customers and the fixed channels, drawn from {@code random}.
     *
     * @throws IllegalArgumentException if {@code customers} is not positive
     */
    static Population generate(int customers, SplittableRandom random) {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be positive, was " + customers);
        }
        int conversations = Math.addExact(customers, (int) ((long) customers * SECOND_CHANNEL_PERCENT / 100));
        byte[] channelOf = new byte[conversations];
        int[] customerOf = new int[conversations];
        String[] customerNumbers = new String[customers];
        Set<Long> taken = new HashSet<>();
        for (int customer = 0; customer < customers; customer++) {
            int channel = CHANNEL_CHOICE.pick(random);
            channelOf[customer] = (byte) channel;
            customerOf[customer] = customer;
            customerNumbers[customer] = E164.format(newNumber(patternsFor(channel, random), taken, random));
        }
        for (int conversation = customers; conversation < conversations; conversation++) {
            int customer = random.nextInt(customers);
            customerOf[conversation] = customer;
            channelOf[conversation] = (byte) otherChannel(channelOf[customer], random);
        }
        return new Population(channelNumbers(), customerNumbers, channelOf, customerOf);
    }

    int conversations() {
        return channelOf.length;
    }

    int customers() {
        return customerNumbers.length;
    }

    int channels() {
        return channelNumbers.length;
    }

    /** The business number of {@code conversation}, E.164 with {@code +}. */
    String channel(int conversation) {
        return channelNumbers[channelOf[conversation]];
    }

    /** The customer's number in {@code conversation}, E.164 with {@code +}. */
    String customer(int conversation) {
        return customerNumbers[customerOf[conversation]];
    }

    ConversationKey key(int conversation) {
        return new ConversationKey(channel(conversation), customer(conversation));
    }

    private static WeightedChoice<NumberPattern> patternsFor(int channel, SplittableRandom random) {
        return random.nextInt(100) < DOMESTIC_PERCENT ? DOMESTIC.get(channel) : ANY_CUSTOMER;
    }

    private static long newNumber(WeightedChoice<NumberPattern> patterns, Set<Long> taken,
            SplittableRandom random) {
        while (true) {
            long digits = patterns.pick(random).draw(random);
            if (taken.add(digits)) {
                return digits;
            }
        }
    }

    private static int otherChannel(int first, SplittableRandom random) {
        while (true) {
            int channel = CHANNEL_CHOICE.pick(random);
            if (channel != first) {
                return channel;
            }
        }
    }

    private static String[] channelNumbers() {
        return CHANNELS.stream().map(channel -> E164.format(channel.digits())).toArray(String[]::new);
    }

    private static WeightedChoice<Integer> channelChoice() {
        WeightedChoice.Builder<Integer> choice = WeightedChoice.builder();
        for (int index = 0; index < CHANNELS.size(); index++) {
            choice.add(index, CHANNELS.get(index).weight());
        }
        return choice.build();
    }

    /** The customers' patterns of {@code country}, or of every country if it is empty. */
    private static WeightedChoice<NumberPattern> customerChoice(String country) {
        WeightedChoice.Builder<NumberPattern> choice = WeightedChoice.builder();
        CUSTOMER_NUMBERS.stream().filter(pattern -> country.isEmpty() || pattern.country().equals(country))
                .forEach(pattern -> choice.add(pattern, pattern.weight()));
        return choice.build();
    }

    /**
     * A business number.
     *
     * @param country the country libphonenumber gives the number, checked when the class loads
     * @param weight how much of the traffic goes through it, relative to the others
     */
    private record Channel(long digits, String country, int weight) {
        Channel {
            String actual = PhoneCountries.countryOf(digits);
            if (!actual.equals(country)) {
                throw new IllegalArgumentException("channel +" + digits + " is in " + actual + ", not " + country);
            }
        }
    }
}
