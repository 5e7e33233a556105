package dev.janela.core.replay;

import dev.janela.core.ErrorCode;
import dev.janela.core.JanelaException;
import dev.janela.core.ledger.Charge;
import dev.janela.core.money.Money;
import dev.janela.core.pricing.Category;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds charges up, overall, by category and by market, and counts free units. Not thread-safe. */
final class Totals {
    private final Currency currency;
    private final Running all = new Running();
    private final Map<Category, Running> byCategory = new EnumMap<>(Category.class);
    private final Map<String, Running> byMarket = new HashMap<>();
    private final Map<Category, long[]> free = new EnumMap<>(Category.class);

    Totals(Currency currency) {
        this.currency = currency;
    }

    void add(Charge charge) {
        long micros = charge.amount().micros();
        all.add(micros);
        byCategory.computeIfAbsent(charge.category(), unused -> new Running()).add(micros);
        byMarket.computeIfAbsent(charge.market(), unused -> new Running()).add(micros);
    }

    /** Counts a free unit of {@code category}. */
    void addFree(Category category) {
        free.computeIfAbsent(category, unused -> new long[1])[0]++;
    }

    /** Adds everything {@code other} has added up. */
    void addAll(Totals other) {
        all.addAll(other.all);
        other.byCategory.forEach((category, running) ->
                byCategory.computeIfAbsent(category, unused -> new Running()).addAll(running));
        other.byMarket.forEach((market, running) ->
                byMarket.computeIfAbsent(market, unused -> new Running()).addAll(running));
        other.free.forEach((category, count) -> free.computeIfAbsent(category, unused -> new long[1])[0] += count[0]);
    }

    Tally all() {
        return all.tally(currency);
    }

    /** The categories with charges: those of {@code order} first, in its order, then any others. */
    Map<Category, Tally> byCategory(List<Category> order) {
        Map<Category, Tally> tallies = new LinkedHashMap<>();
        for (Category category : order) {
            Running running = byCategory.get(category);
            if (running != null) {
                tallies.put(category, running.tally(currency));
            }
        }
        byCategory.forEach((category, running) -> tallies.putIfAbsent(category, running.tally(currency)));
        return tallies;
    }

    /** The free units by category, in the order of {@code order}. */
    Map<Category, Long> free(List<Category> order) {
        Map<Category, Long> counts = new LinkedHashMap<>();
        for (Category category : order) {
            long[] count = free.get(category);
            if (count != null) {
                counts.put(category, count[0]);
            }
        }
        free.forEach((category, count) -> counts.putIfAbsent(category, count[0]));
        return counts;
    }

    Map<String, Tally> byMarket() {
        Map<String, Tally> tallies = new HashMap<>();
        byMarket.forEach((market, running) -> tallies.put(market, running.tally(currency)));
        return tallies;
    }

    private static final class Running {
        private long charges;
        private long micros;

        void add(long amount) {
            add(1, amount);
        }

        void addAll(Running other) {
            add(other.charges, other.micros);
        }

        private void add(long count, long amount) {
            charges += count;
            try {
                micros = Math.addExact(micros, amount);
            } catch (ArithmeticException overflow) {
                throw new JanelaException(ErrorCode.AMOUNT_OVERFLOW, "the charges add up to more than "
                        + Long.MAX_VALUE / 1_000_000 + " currency units, more than Janela sums exactly");
            }
        }

        Tally tally(Currency currency) {
            return new Tally(charges, new Money(currency, micros));
        }
    }
}
