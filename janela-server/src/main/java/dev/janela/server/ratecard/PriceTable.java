package dev.janela.server.ratecard;

import dev.janela.core.money.Money;
import dev.janela.core.pricing.Category;
import dev.janela.core.ratecard.Price;
import dev.janela.core.ratecard.RateCard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A version's prices as the Rate cards page lays them out: a row per market, the {@code *} row last, and a column per
 * category the version prices anywhere.
 *
 * @param rows each market's prices in the order of {@code categories}; null where the market names none
 */
record PriceTable(List<Category> categories, List<Row> rows) {
    record Row(String market, List<Money> prices) {
    }

    static PriceTable of(RateCard card) {
        List<String> markets = card.markets().stream().sorted(Comparator
                .comparing((String market) -> market.equals(RateCard.ANY_MARKET)).thenComparing(market -> market))
                .toList();
        List<Category> categories = Arrays.stream(Category.values())
                .filter(category -> markets.stream().anyMatch(market -> card.prices(market).containsKey(category)))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (String market : markets) {
            List<Money> prices = new ArrayList<>();
            for (Category category : categories) {
                Price price = card.prices(market).get(category);
                prices.add(price == null ? null : price.amount());
            }
            rows.add(new Row(market, prices));
        }
        return new PriceTable(categories, rows);
    }
}
