package dev.janela.core.pricing;

/**
 * An account's monthly counts ({@link MonthlyAllowance}). The engine asks for the number of each counted unit as
 * it decides it; a replay keeps the counts in memory, the server in its database, in the decision's transaction.
 */
public interface Usage {
    /**
     * Counts one more unit under {@code key} and returns its number in the month: 1 for the month's first.
     * An implementation that previews (prices a send without making it) returns the number without keeping it.
     */
    long count(UsageKey key);
}
