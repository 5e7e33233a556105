package dev.janela.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * What Meta and Janela disagree on for one message: Meta's examples, then seeded random pairs against an oracle that
 * reads the rules as a table of what Meta reports for each of Janela's decisions.
 */
class ReconciliationDifferencesTest {
    private static final List<String> MODELS = List.of("session", "cbp-2022", "cbp-2023", "pmp-2025",
            "pmp-2026");
    private static final List<String> UNITS = List.of("charged", "free", "none");
    private static final List<String> CATEGORIES = List.of("marketing", "utility", "authentication", "service",
            "referral_conversion", "business_initiated");
    private static final List<String> META_MODELS = List.of("PMP", "CBP", "NBP");
    private static final List<String> TYPES = List.of("regular", "free_customer_service", "free_entry_point");
    /** Which of Meta's models prices as each of Janela's. */
    private static final Map<String, String> META_MODEL_OF = Map.of("cbp-2022", "CBP", "cbp-2023", "CBP",
            "pmp-2025", "PMP", "pmp-2026", "PMP");

    @Test
    void metasExamples() {
        Reconciliation.Janela charged = new Reconciliation.Janela("pmp-2025", "charged", "marketing", true);
        Reconciliation.Janela freeUtility = new Reconciliation.Janela("pmp-2025", "free", "utility", false);

        assertThat(Reconciliation.differences(charged, meta("PMP", true, "regular", "marketing"))).isEmpty();
        assertThat(Reconciliation.differences(freeUtility, meta("PMP", false, "free_customer_service", "utility")))
                .isEmpty();
        assertThat(Reconciliation.differences(freeUtility, meta("PMP", true, "regular", "utility")))
                .containsExactly("billable", "type");
        assertThat(Reconciliation.differences(charged, meta("PMP", true, "regular", "marketing_lite")))
                .containsExactly("category");
        assertThat(Reconciliation.differences(new Reconciliation.Janela("session", "charged", "business_initiated",
                true), meta("PMP", true, "regular", "marketing"))).containsExactly("model");
        Reconciliation.Janela chargedService = new Reconciliation.Janela("pmp-2026", "charged", "service", true);
        assertThat(Reconciliation.differences(chargedService, meta("PMP", true, "regular", "service"))).isEmpty();
        assertThat(Reconciliation.differences(chargedService, meta("PMP", false, "free_customer_service", "service")))
                .as("a reply Janela charged that Meta gave free").containsExactly("billable", "type");
        assertThat(Reconciliation.differences(new Reconciliation.Janela("cbp-2023", "none", null, false),
                meta("CBP", true, null, "marketing"))).as("inside a conversation Meta already billed").isEmpty();
    }

    @RepeatedTest(20)
    void randomDecisions_disagreeExactlyWhereTheTableSays(RepetitionInfo repetition) {
        long seed = 0x7ec0_0000L + repetition.getCurrentRepetition();
        Random random = new Random(seed);
        for (int pair = 0; pair < 500; pair++) {
            String unit = pick(random, UNITS);
            Reconciliation.Janela janela = new Reconciliation.Janela(pick(random, MODELS), unit,
                    unit.equals("none") ? null : pick(random, CATEGORIES),
                    unit.equals("charged") && random.nextInt(4) > 0);
            Reconciliation.Meta meta = meta(pick(random, META_MODELS), random.nextInt(3) == 0 ? null
                    : random.nextBoolean(), random.nextBoolean() ? pick(random, TYPES) : null,
                    random.nextInt(5) == 0 ? null : pick(random, CATEGORIES));

            assertThat(Reconciliation.differences(janela, meta)).as("seed %d: %s against %s", seed, janela, meta)
                    .isEqualTo(oracle(janela, meta));
        }
    }

    private static List<String> oracle(Reconciliation.Janela janela, Reconciliation.Meta meta) {
        if (!meta.pricingModel().equals(META_MODEL_OF.get(janela.model()))) {
            return List.of("model");
        }
        List<String> differences = new ArrayList<>();
        boolean metaBills = meta.type() == null ? Boolean.TRUE.equals(meta.billable()) : meta.type().equals("regular");
        boolean insidePaidConversation = meta.pricingModel().equals("CBP") && janela.unit().equals("none");
        if (!insidePaidConversation && metaBills != janela.billable()) {
            differences.add("billable");
        }
        if (janela.category() != null && meta.category() != null && !janela.category().equals(meta.category())) {
            differences.add("category");
        }
        String expectedType = Map.of("charged", "regular", "free", janela.category() != null
                && janela.category().equals("referral_conversion") ? "free_entry_point" : "free_customer_service")
                .get(janela.unit());
        if (janela.model().equals("pmp-2026") && janela.unit().equals("free") && "service".equals(janela.category())) {
            expectedType = null; // how Meta marks a service message its monthly allowance made free is not published
        }
        if (expectedType != null && meta.type() != null && !expectedType.equals(meta.type())) {
            differences.add("type");
        }
        return differences;
    }

    private static Reconciliation.Meta meta(String model, Boolean billable, String type, String category) {
        return new Reconciliation.Meta(model, billable, type, category);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
