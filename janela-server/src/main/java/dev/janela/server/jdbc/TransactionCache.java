package dev.janela.server.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a transaction reads again and again, read once: a batch of webhook deliveries asks for the same pricing plan
 * and subscriptions for each of its messages. A value never outlives its transaction, so a change another commits is
 * seen by the next one; outside a transaction, every call reads afresh.
 */
public final class TransactionCache {
    private TransactionCache() {
    }

    /**
     * The value for {@code key} in the current transaction: read by {@code read} the first time it is asked for.
     *
     * @param key equal for the same value, and unlike every other kind of value's (a record of its own, say)
     */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> read) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read.get();
        }
        Map<Object, Object> values = (Map<Object, Object>) TransactionSynchronizationManager
                .getResource(TransactionCache.class);
        if (values == null) {
            values = new HashMap<>();
            TransactionSynchronizationManager.bindResource(TransactionCache.class, values);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionCache.class);
                }
            });
        }
        Object known = values.get(key);
        if (known == null) {
            known = read.get();
            values.put(key, known);
        }
        return (T) known;
    }
}
