package dev.janela.core.pricing;

import java.util.HashMap;
import java.util.Map;

/** Monthly counts kept in memory, for one account's replay or test. Not thread-safe. */
public final class MonthlyUsage implements Usage {
    private final Map<UsageKey, long[]> counts = new HashMap<>();

    @Override
    public long count(UsageKey key) {
        return ++counts.computeIfAbsent(key, unused -> new long[1])[0];
    }

    /** How many units have been counted under {@code key}. */
    public long counted(UsageKey key) {
        long[] count = counts.get(key);
        return count == null ? 0 : count[0];
    }
}
