package dev.janela.server.inbox;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.server.conversation.Windows;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * What the approved templates would cost if sent now, shown before one is chosen: the cheapest and the dearest, by
 * category, since a template is priced by its category alone.
 *
 * @param cheapest its amount, a decimal; {@code 0} when it would be free
 * @param dearest as {@code cheapest}
 * @param currency null when every one would be free
 */
record TemplateCostRange(String cheapest, TemplateCategory cheapestCategory, String dearest,
        TemplateCategory dearestCategory, String currency) {

    /** The range of {@code costs}; empty when none of them could be priced. */
    static Optional<TemplateCostRange> of(Map<TemplateCategory, Windows.CostView> costs) {
        Comparator<Map.Entry<TemplateCategory, Windows.CostView>> byAmount = Comparator
                .comparing(entry -> amount(entry.getValue()));
        var priced = costs.entrySet().stream().filter(entry -> !entry.getValue().charged()
                || entry.getValue().amount() != null).toList();
        if (priced.isEmpty()) {
            return Optional.empty();
        }
        var cheapest = priced.stream().min(byAmount).orElseThrow();
        var dearest = priced.stream().max(byAmount).orElseThrow();
        return Optional.of(new TemplateCostRange(amount(cheapest.getValue()).toPlainString(), cheapest.getKey(),
                amount(dearest.getValue()).toPlainString(), dearest.getKey(), priced.stream()
                        .map(entry -> entry.getValue().currency()).filter(currency -> currency != null).findFirst()
                        .orElse(null)));
    }

    /** Whether every template would be free now: the session they would fall in is open already. */
    public boolean free() {
        return currency == null;
    }

    /** Whether every template would cost the same. */
    public boolean oneAmount() {
        return new BigDecimal(cheapest).compareTo(new BigDecimal(dearest)) == 0;
    }

    private static BigDecimal amount(Windows.CostView cost) {
        return cost.charged() ? new BigDecimal(cost.amount()) : BigDecimal.ZERO;
    }
}
