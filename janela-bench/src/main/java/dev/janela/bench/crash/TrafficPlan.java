package dev.janela.bench.crash;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The suite's traffic, drawn from one seed: what happens next, one operation at a time. The same seed draws the same
 * sequence of operations (which worker runs each, and when the server dies under them, is the machine's doing).
 *
 * <p>Customers write in webhooks whose timestamps are the load's own, spread around now by each customer's habit:
 * some write now, some wrote a day ago (their windows close while the suite runs), some long ago (closed windows:
 * templates start sessions, free-form is refused), and some mix all of these, out of order, with the odd timestamp a
 * day ahead (a reply after the reply grace). The business sends templates and free-form messages to any of them.
 * Thread-safe.
 */
final class TrafficPlan {
    private static final Duration DAY = Duration.ofHours(24);

    /** How a customer's messages are timed. */
    enum Habit { RECENT, EXPIRING, STALE, MIXED }

    /** The kinds of operation drawn, counted for the report. */
    enum Draw { DUPLICATE_DELIVERY, CONCURRENT_DELIVERY, REPEATED_KEY, CONCURRENT_KEY }

    /** What to do next: deliver a webhook, or send, each {@code copies} times at once. */
    sealed interface Operation permits Deliver, Send {
    }

    record Deliver(WebhookDelivery delivery, int copies) implements Operation {
    }

    record Send(KeyedSend send, int copies) implements Operation {
    }

    private final SplittableRandom random;
    private final long seed;
    private final String phoneNumberId;
    private final String template;
    private final Clock clock;
    private final List<String> customers = new ArrayList<>();
    private final List<Habit> habits = new ArrayList<>();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private final List<KeyedSend> sends = new ArrayList<>();
    private final int[] drawn = new int[Draw.values().length];
    private int messages;

    TrafficPlan(long seed, int customerCount, String phoneNumberId, String template, Clock clock) {
        this.random = new SplittableRandom(seed);
        this.seed = seed;
        this.phoneNumberId = phoneNumberId;
        this.template = template;
        this.clock = clock;
        for (int index = 0; index < customerCount; index++) {
            customers.add(Long.toString(5_521_988_000_000L + index));
            int roll = random.nextInt(100);
            habits.add(roll < 30 ? Habit.RECENT : roll < 55 ? Habit.EXPIRING : roll < 80 ? Habit.STALE : Habit.MIXED);
        }
    }

    /** The customers' {@code wa_id}s. */
    List<String> customers() {
        return List.copyOf(customers);
    }

    /** Every delivery drawn so far. */
    synchronized List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Every key drawn so far. */
    synchronized List<KeyedSend> sends() {
        return List.copyOf(sends);
    }

    /** How many operations of {@code kind} were drawn. */
    synchronized int drawn(Draw kind) {
        return drawn[kind.ordinal()];
    }

    /**
     * The next operation: a customer's message (alone, or two in one delivery), an exact duplicate of an earlier
     * delivery, one delivery posted several times at once, a template or a free-form send under a new key, an
     * earlier key sent again, or a new key sent several times at once.
     */
    synchronized Operation next() {
        int roll = random.nextInt(100);
        if (roll < 5 && !deliveries.isEmpty()) {
            drawn[Draw.DUPLICATE_DELIVERY.ordinal()]++;
            return new Deliver(deliveries.get(random.nextInt(deliveries.size())), 1);
        }
        if (roll < 10) {
            drawn[Draw.CONCURRENT_DELIVERY.ordinal()]++;
            return new Deliver(newDelivery(1), 2 + random.nextInt(2));
        }
        if (roll < 15) {
            return new Deliver(newDelivery(2), 1);
        }
        if (roll < 50) {
            return new Deliver(newDelivery(1), 1);
        }
        if (roll < 57 && !sends.isEmpty()) {
            drawn[Draw.REPEATED_KEY.ordinal()]++;
            return new Send(sends.get(random.nextInt(sends.size())), 1);
        }
        if (roll < 64) {
            drawn[Draw.CONCURRENT_KEY.ordinal()]++;
            return new Send(newSend(random.nextBoolean() ? KeyedSend.Kind.TEMPLATE : KeyedSend.Kind.FREE_FORM),
                    2 + random.nextInt(2));
        }
        return new Send(newSend(roll < 80 ? KeyedSend.Kind.TEMPLATE : KeyedSend.Kind.FREE_FORM), 1);
    }

    private WebhookDelivery newDelivery(int count) {
        List<WebhookDelivery.Message> items = new ArrayList<>();
        List<Integer> chosen = new ArrayList<>();
        while (items.size() < count) {
            int customer = random.nextInt(customers.size());
            if (chosen.contains(customer)) {
                continue;
            }
            chosen.add(customer);
            items.add(new WebhookDelivery.Message("wamid.crash-" + seed + "-" + (++messages),
                    customers.get(customer), timestamp(habits.get(customer))));
        }
        WebhookDelivery delivery = WebhookDelivery.of(deliveries.size() + 1, phoneNumberId, items);
        deliveries.add(delivery);
        return delivery;
    }

    /** When a customer of {@code habit} wrote, as the webhook says: Unix seconds, so whole seconds. */
    private Instant timestamp(Habit habit) {
        Instant now = clock.instant();
        Instant at = switch (habit) {
            case RECENT -> now.minusSeconds(random.nextLong(120));
            // the window closes between half a minute and five minutes from now: while the suite runs
            case EXPIRING -> now.minus(DAY).plusSeconds(30 + random.nextLong(270));
            case STALE -> now.minus(DAY).minusSeconds(3_600 + random.nextLong(DAY.toSeconds()));
            case MIXED -> {
                int roll = random.nextInt(100);
                // a day and up to two hours ahead: a reply to a pending template after its reply grace (R4)
                yield roll < 10 ? now.plus(DAY).plusSeconds(random.nextLong(7_200))
                        : timestamp(roll < 50 ? Habit.RECENT : roll < 75 ? Habit.EXPIRING : Habit.STALE);
            }
        };
        return Instant.ofEpochSecond(at.getEpochSecond());
    }

    private KeyedSend newSend(KeyedSend.Kind kind) {
        int number = sends.size() + 1;
        String waId = customers.get(random.nextInt(customers.size()));
        String body = kind == KeyedSend.Kind.TEMPLATE
                ? "{\"messaging_product\":\"whatsapp\",\"to\":\"" + waId + "\",\"type\":\"template\",\"template\":"
                        + "{\"name\":\"" + template + "\",\"language\":{\"code\":\"en\"},\"components\":[{\"type\":"
                        + "\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"#" + number + "\"}]}]}}"
                : "{\"messaging_product\":\"whatsapp\",\"to\":\"" + waId + "\",\"type\":\"text\",\"text\":"
                        + "{\"body\":\"Answer " + number + "\"}}";
        KeyedSend send = new KeyedSend("crash-" + seed + "-" + number, waId, kind, body);
        sends.add(send);
        return send;
    }
}
