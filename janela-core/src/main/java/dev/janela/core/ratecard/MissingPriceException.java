package dev.janela.core.ratecard;

import dev.janela.core.ErrorCode;
import dev.janela.core.JanelaException;
import dev.janela.core.pricing.Category;

/** A rate card has no price for a market and category, and no {@code *} row for the category either. */
public final class MissingPriceException extends JanelaException {
    private final String market;
    private final Category category;

    MissingPriceException(String market, Category category, String rateCardVersion) {
        super(ErrorCode.PRICE_MISSING, "rate card " + rateCardVersion + " has no price for market " + market
                + ", category " + category.wireName() + ", and no * row for " + category.wireName()
                + "; add a line \"" + market + "," + category.wireName() + ",<price>,<currency>\"");
        this.market = market;
        this.category = category;
    }

    public String market() {
        return market;
    }

    public Category category() {
        return category;
    }
}
