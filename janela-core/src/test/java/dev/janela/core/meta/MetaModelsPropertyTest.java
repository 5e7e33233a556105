package dev.janela.core.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.PricingState;
import dev.janela.core.testfixtures.MetaLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded random traffic priced by the replay and by oracles that derive each message's fate from the conversation's
 * history alone, without the models' state: what Meta's rules say, written another way.
 */
class MetaModelsPropertyTest {
    private static final long SEED = 0x6a616e656c61L;
    private static final Instant START = Instant.parse("2025-08-01T00:00:00Z");
    private static final String[] CATEGORIES = {"marketing", "utility", "authentication"};
    private static final Duration DAY = Duration.ofHours(24);

    /** One random event: the customer writes, or the business sends a template or free-form text. */
    private record Step(String id, Instant at, String customer, String kind) {
    }

    @Test
    void perMessage_chargesEveryTemplateButUtilityInsideTheWindow() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int round = 0; round < 40; round++) {
            List<Step> steps = traffic(random);
            Map<String, Long> expected = new TreeMap<>();
            List<Instant> customerMessages = new ArrayList<>();
            String lastCustomer = null;
            for (Step step : steps) {
                if (!step.customer.equals(lastCustomer)) {
                    customerMessages.clear();
                    lastCustomer = step.customer;
                }
                boolean windowOpen = customerMessages.stream().anyMatch(in -> !step.at.isBefore(in)
                        && step.at.isBefore(in.plus(DAY)) && !in.equals(step.at));
                if (step.kind.equals("in")) {
                    customerMessages.add(step.at);
                } else if (step.kind.equals("text")) {
                    if (windowOpen) {
                        expected.merge("free service", 1L, Long::sum);
                    }
                } else if (step.kind.equals("utility") && windowOpen) {
                    expected.merge("free utility", 1L, Long::sum);
                } else {
                    expected.merge(step.kind, 1L, Long::sum);
                }
            }

            assertThat(tally(replay(steps, Pmp2025Model.NAME))).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void conversationsByCategory_openOnePerCategoryAndDay_andServiceOnlyWhenNothingIsOpen() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int round = 0; round < 40; round++) {
            List<Step> steps = traffic(random);
            Map<String, Long> expected = new TreeMap<>();
            Map<String, Instant> openedAt = new HashMap<>();
            List<Instant> customerMessages = new ArrayList<>();
            String lastCustomer = null;
            for (Step step : steps) {
                if (!step.customer.equals(lastCustomer)) {
                    customerMessages.clear();
                    openedAt.clear();
                    lastCustomer = step.customer;
                }
                boolean windowOpen = customerMessages.stream().anyMatch(in -> step.at.isBefore(in.plus(DAY))
                        && !in.isAfter(step.at) && !in.equals(step.at));
                if (step.kind.equals("in")) {
                    customerMessages.add(step.at);
                    continue;
                }
                if (step.kind.equals("text") && !windowOpen) {
                    continue; // refused
                }
                String category = step.kind.equals("text") ? "service" : step.kind;
                boolean anyOpen = openedAt.values().stream().anyMatch(opened -> step.at.isBefore(opened.plus(DAY)));
                Instant same = openedAt.get(category);
                boolean covered = step.kind.equals("text") ? anyOpen : same != null && step.at.isBefore(same.plus(DAY));
                if (!covered) {
                    openedAt.put(category, step.at);
                    expected.merge(category.equals("service") ? "free service" : category, 1L, Long::sum);
                }
            }

            assertThat(tally(replay(steps, Cbp2023Model.NAME))).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void userAndBusinessInitiated_oneConversationPerDayFromTheFirstDeliveredMessage_freeWithinTheMonthsThousand() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        for (int round = 0; round < 40; round++) {
            List<Step> steps = traffic(random);
            Map<String, Long> expected = new TreeMap<>();
            List<Instant> customerMessages = new ArrayList<>();
            Instant opened = null;
            String lastCustomer = null;
            for (Step step : steps) {
                if (!step.customer.equals(lastCustomer)) {
                    customerMessages.clear();
                    opened = null;
                    lastCustomer = step.customer;
                }
                boolean windowOpen = customerMessages.stream().anyMatch(in -> in.isBefore(step.at)
                        && step.at.isBefore(in.plus(DAY)));
                if (step.kind.equals("in")) {
                    customerMessages.add(step.at);
                } else if ((windowOpen || !step.kind.equals("text"))
                        && (opened == null || !step.at.isBefore(opened.plus(DAY)))) {
                    opened = step.at;
                    expected.merge(windowOpen ? "free user_initiated" : "free business_initiated", 1L, Long::sum);
                }
            }

            assertThat(tally(replay(steps, Cbp2022Model.NAME))).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void statesReadBackAsWritten() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int round = 0; round < 500; round++) {
            Instant arrived = random.nextBoolean() ? null : START.plusSeconds(random.nextInt(1_000_000));
            OpenConversation open = random.nextBoolean() ? null : new OpenConversation(
                    START.plusSeconds(random.nextInt(1_000_000)).plusNanos(random.nextInt(1_000_000_000)),
                    "wamid." + random.nextInt() + (random.nextBoolean() ? "=;@%é " : ""));
            Map<Category, OpenConversation> byCategory = new EnumMap<>(Category.class);
            for (Category category : Category.values()) {
                if (open != null && random.nextInt(3) == 0) {
                    byCategory.put(category, open);
                }
            }
            List<PricingState> states = List.of(new Cbp2022Model.State(open, arrived),
                    new Cbp2023Model.State(byCategory, arrived),
                    new Pmp2025Model.State(open, arrived, open == null ? null : open.expiresAt()));
            for (PricingState state : states) {
                assertThat(MetaPricingStates.decode(MetaPricingStates.encode(state).orElseThrow()))
                        .as("round %d", round).isEqualTo(state);
            }
        }
    }

    /** A few customers, each with a day or two of random traffic, one customer after another. */
    private static List<Step> traffic(SplittableRandom random) {
        List<Step> steps = new ArrayList<>();
        int customers = 1 + random.nextInt(4);
        for (int customer = 0; customer < customers; customer++) {
            String number = MetaEdgeCasesTest.customerNumber(customer);
            Instant at = START;
            for (int event = 0; event < 1 + random.nextInt(12); event++) {
                at = at.plus(Duration.ofMinutes(1 + random.nextInt(60 * 20)));
                int choice = random.nextInt(5);
                String kind = choice == 0 ? "in" : choice == 1 ? "text" : CATEGORIES[random.nextInt(3)];
                steps.add(new Step("c" + customer + "e" + event, at, number, kind));
            }
        }
        return steps;
    }

    private static MetaLog.Replayed replay(List<Step> steps, String model) {
        MetaLog log = new MetaLog(START);
        for (Step step : steps) {
            switch (step.kind) {
                case "in" -> log.in(step.id, step.at, step.customer);
                case "text" -> log.text(step.id, step.at, step.customer);
                default -> log.template(step.id, step.at, step.customer, step.kind);
            }
        }
        return log.replay(model);
    }

    /** Charged units by category, and free ones as {@code free <category>}. */
    private static Map<String, Long> tally(MetaLog.Replayed replayed) {
        Map<String, Long> tally = new TreeMap<>();
        replayed.ledger().forEach(charge -> tally.merge(charge.category().wireName(), 1L, Long::sum));
        replayed.free().forEach((category, count) -> tally.put("free " + category, count));
        return tally;
    }
}
