package dev.janela.bench;

import dev.janela.core.conversation.TemplateCategory;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Simulates the traffic of a {@link Population}, message by message, in time order. Each conversation goes through
 * episodes separated by gaps of an hour to a month: a customer writes and the business answers in a burst of
 * seconds to minutes, or the business sends a template that the customer may answer hours later, or the business
 * follows up with a free-form message after the window may have closed. So windows open, are renewed, close and
 * are charged again; templates open pending sessions, get answered late or not at all, and are sent again.
 *
 * <p>Deterministic: the same population and seed give the same messages. Not thread-safe.
 */
final class TrafficSimulation {
    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    /** Conversations start within the first week, so the traffic is steady soon after the start. */
    private static final long RAMP_UP = 7 * DAY;
    private static final int FAILED_PER_MILLE = 15;
    private static final int REFERRAL_PERCENT = 3;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** SplitMix64's increment: an odd constant whose bits look random. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private static final WeightedChoice<String> CUSTOMER_TYPES = WeightedChoice.<String>builder()
            .add("text", 75).add("image", 10).add("audio", 7).add("video", 2).add("document", 2)
            .add("location", 2).add("interactive", 2).build();
    private static final WeightedChoice<String> BUSINESS_TYPES = WeightedChoice.<String>builder()
            .add("text", 70).add("image", 10).add("interactive", 8).add("document", 6).add("audio", 2)
            .add("video", 2).add("location", 2).build();
    private static final WeightedChoice<TemplateCategory> CAMPAIGN_CATEGORIES =
            WeightedChoice.<TemplateCategory>builder().add(TemplateCategory.MARKETING, 50)
                    .add(TemplateCategory.UTILITY, 40).add(TemplateCategory.AUTHENTICATION, 10).build();
    private static final Map<TemplateCategory, List<String>> TEMPLATES = new EnumMap<>(Map.of(
            TemplateCategory.MARKETING, List.of("spring_sale", "new_arrivals", "cart_reminder", "loyalty_points"),
            TemplateCategory.UTILITY, List.of("order_update", "payment_reminder", "delivery_eta", "appointment"),
            TemplateCategory.AUTHENTICATION, List.of("login_code", "verify_number")));

    /** What a conversation does next. */
    private enum Step {
        /** The customer writes after a gap, sometimes from an ad. */
        CUSTOMER_OPENS(true, false),
        /** The customer writes during an episode. */
        CUSTOMER_WRITES(true, false),
        /** The business answers with a free-form message. */
        BUSINESS_REPLIES(false, false),
        /** The business writes free-form after a gap: refused if the window has closed (R8). */
        BUSINESS_FOLLOWS_UP(false, false),
        /** The business sends a template after a gap: a new, charged session unless the window is open. */
        CAMPAIGN(false, true),
        /** The business sends a utility template during an episode. */
        UTILITY_IN_CHAT(false, true),
        /** The business sends another template before the customer answered the last one (R6). */
        REMINDER(false, true);

        final boolean inbound;
        final boolean template;

        Step(boolean inbound, boolean template) {
            this.inbound = inbound;
            this.template = template;
        }
    }

    /** The step a conversation takes next, and how long after its last message. */
    private record Next(Step step, long delaySeconds) {
    }

    private final SplittableRandom random;
    private final Agenda agenda;
    private final Step[] nextStep;
    private final long idSalt;
    private long sequence;

    /**
     * @param startEpochSecond when the simulated traffic starts, in seconds since the epoch
     * @param random where every choice comes from
     */
    TrafficSimulation(Population population, long startEpochSecond, SplittableRandom random) {
        Objects.requireNonNull(population, "population");
        this.random = Objects.requireNonNull(random, "random");
        this.idSalt = random.nextLong();
        this.agenda = new Agenda(population.conversations());
        this.nextStep = new Step[population.conversations()];
        for (int conversation = 0; conversation < nextStep.length; conversation++) {
            nextStep[conversation] = opener();
            agenda.add(startEpochSecond + random.nextLong(RAMP_UP), conversation);
        }
    }

    /** The next message in time order; the simulation never runs out. */
    SimulatedMessage next() {
        int conversation = agenda.earliestConversation();
        long at = agenda.earliestTime();
        Step step = nextStep[conversation];
        SimulatedMessage message = message(step, conversation, at);
        Next next = following(step);
        nextStep[conversation] = next.step();
        agenda.postponeEarliest(at + next.delaySeconds());
        return message;
    }

    private SimulatedMessage message(Step step, int conversation, long at) {
        String id = nextId();
        if (step.inbound) {
            boolean referral = step == Step.CUSTOMER_OPENS && random.nextInt(100) < REFERRAL_PERCENT;
            return SimulatedMessage.fromCustomer(id, at, conversation, CUSTOMER_TYPES.pick(random), referral);
        }
        boolean failed = random.nextInt(1000) < FAILED_PER_MILLE;
        if (!step.template) {
            return SimulatedMessage.freeForm(id, at, conversation, BUSINESS_TYPES.pick(random), failed);
        }
        TemplateCategory category = step == Step.UTILITY_IN_CHAT ? TemplateCategory.UTILITY
                : CAMPAIGN_CATEGORIES.pick(random);
        List<String> names = TEMPLATES.get(category);
        return SimulatedMessage.template(id, at, conversation, names.get(random.nextInt(names.size())), category,
                failed);
    }

    /** What follows {@code done}: the rest of the episode, or a gap and a new episode. */
    private Next following(Step done) {
        int percent = random.nextInt(100);
        if (done.inbound) {
            if (percent < 75) {
                return after(Step.BUSINESS_REPLIES, 5, 10 * MINUTE);
            }
            if (percent < 90) {
                return after(Step.CUSTOMER_WRITES, 2, 3 * MINUTE);
            }
        } else if (done.template) {
            if (percent < 40) {
                // Some answers come after the 24h reply grace: the pending session lapses, a new one starts (R4).
                return after(Step.CUSTOMER_WRITES, MINUTE, 36 * HOUR);
            }
            if (percent < 50) {
                return after(Step.REMINDER, 2 * HOUR, 3 * DAY);
            }
        } else {
            if (percent < 45) {
                return after(Step.CUSTOMER_WRITES, 10, 2 * HOUR);
            }
            if (percent < 65) {
                return after(Step.BUSINESS_REPLIES, 1, 2 * MINUTE);
            }
            if (percent < 70) {
                return after(Step.UTILITY_IN_CHAT, MINUTE, 3 * HOUR);
            }
        }
        return new Next(opener(), gap());
    }

    /**
     * The time between two episodes: under a day (the window is still open and is renewed), one to four days
     * (it has closed), or up to a month.
     */
    private long gap() {
        int percent = random.nextInt(100);
        if (percent < 30) {
            return logUniform(HOUR, 23 * HOUR);
        }
        return percent < 75 ? logUniform(23 * HOUR, 4 * DAY) : logUniform(4 * DAY, 30 * DAY);
    }

    private Step opener() {
        int percent = random.nextInt(100);
        if (percent < 60) {
            return Step.CUSTOMER_OPENS;
        }
        return percent < 90 ? Step.CAMPAIGN : Step.BUSINESS_FOLLOWS_UP;
    }

    private Next after(Step step, long minSeconds, long maxSeconds) {
        return new Next(step, logUniform(minSeconds, maxSeconds));
    }

    /** Seconds between the bounds, as likely in each order of magnitude: short delays are common, long ones not. */
    private long logUniform(long minSeconds, long maxSeconds) {
        double logarithm = random.nextDouble(Math.log(minSeconds), Math.log(maxSeconds));
        return Math.max(minSeconds, Math.min(maxSeconds, Math.round(Math.exp(logarithm))));
    }

    /**
     * An id shaped like a WhatsApp message id ({@code wamid.} and base64-like text, about as long). Unique, since
     * its first half is a bijective mix of the sequence number; the second half only adds length.
     */
    private String nextId() {
        long unique = mix(sequence++ ^ idSalt);
        return "wamid.HBgL" + HEX.toHexDigits(unique) + HEX.toHexDigits(mix(unique + GOLDEN_GAMMA));
    }

    /** The finaliser of SplitMix64: a bijection of {@code long}s that scatters consecutive numbers. */
    private static long mix(long value) {
        long mixed = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
        mixed = (mixed ^ (mixed >>> 27)) * 0x94d049bb133111ebL;
        return mixed ^ (mixed >>> 31);
    }
}
