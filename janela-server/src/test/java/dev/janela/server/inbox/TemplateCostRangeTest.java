package dev.janela.server.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.server.conversation.Windows;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cheapest and dearest template's cost now, before one is chosen. */
class TemplateCostRangeTest {
    private static final Windows.CostView FREE = new Windows.CostView(false, null, null, null);

    @Test
    void theRange_runsFromTheCheapestCategoryToTheDearest_andLeavesOutWhatCannotBePriced() {
        TemplateCostRange range = TemplateCostRange.of(Map.of(
                TemplateCategory.MARKETING, charged("0.0625"),
                TemplateCategory.UTILITY, charged("0.0068"),
                TemplateCategory.AUTHENTICATION, new Windows.CostView(true, null, null, "no price for IN"))).get();

        assertThat(range).isEqualTo(new TemplateCostRange("0.0068", TemplateCategory.UTILITY, "0.0625",
                TemplateCategory.MARKETING, "USD"));
        assertThat(range.free()).isFalse();
        assertThat(range.oneAmount()).isFalse();
    }

    @Test
    void aFreeCategory_isTheCheapest_andAllFree_isFree() {
        TemplateCostRange someFree = TemplateCostRange.of(Map.of(TemplateCategory.UTILITY, FREE,
                TemplateCategory.MARKETING, charged("0.0625"))).get();
        TemplateCostRange allFree = TemplateCostRange.of(Map.of(TemplateCategory.UTILITY, FREE)).get();

        assertThat(someFree.cheapestCategory()).isEqualTo(TemplateCategory.UTILITY);
        assertThat(someFree.cheapest()).isEqualTo("0");
        assertThat(someFree.free()).isFalse();
        assertThat(allFree.free()).isTrue();
        assertThat(allFree.oneAmount()).isTrue();
    }

    @Test
    void nothingPriced_isNoRange() {
        assertThat(TemplateCostRange.of(Map.of(TemplateCategory.MARKETING,
                new Windows.CostView(true, null, null, "no rate card")))).isEmpty();
    }

    private static Windows.CostView charged(String amount) {
        return new Windows.CostView(true, amount, "USD", null);
    }
}
