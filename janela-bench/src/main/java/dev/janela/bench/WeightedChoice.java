package dev.janela.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Picks one of a few values, each as often as its weight says. Immutable. */
final class WeightedChoice<T> {
    private final List<T> values;
    /** {@code cumulativeWeights[i]} is the sum of the weights of values 0 to i. */
    private final int[] cumulativeWeights;

    private WeightedChoice(List<T> values, int[] cumulativeWeights) {
        this.values = List.copyOf(values);
        this.cumulativeWeights = cumulativeWeights;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    T pick(SplittableRandom random) {
        int roll = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        int index = 0;
        while (cumulativeWeights[index] <= roll) {
            index++;
        }
        return values.get(index);
    }

    static final class Builder<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();

        /** Adds {@code value} with {@code weight}, which must be positive. */
        Builder<T> add(T value, int weight) {
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be positive, was " + weight + " for " + value);
            }
            values.add(value);
            weights.add(weight);
            return this;
        }

        WeightedChoice<T> build() {
            if (values.isEmpty()) {
                throw new IllegalStateException("a choice needs at least one value");
            }
            int[] cumulative = new int[weights.size()];
            int sum = 0;
            for (int index = 0; index < cumulative.length; index++) {
                sum = Math.addExact(sum, weights.get(index));
                cumulative[index] = sum;
            }
            return new WeightedChoice<>(values, cumulative);
        }
    }
}
