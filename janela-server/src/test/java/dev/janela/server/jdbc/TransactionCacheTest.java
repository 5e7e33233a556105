package dev.janela.server.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionCacheTest {
    private final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void noTransactionLeftOpen() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(TransactionCache.class);
    }

    @Test
    void aValueIsReadOncePerTransaction_andAfreshInTheNext() {
        begin();
        assertThat(TransactionCache.get(new Key(1), this::read)).isEqualTo("read 1");
        assertThat(TransactionCache.get(new Key(1), this::read)).isEqualTo("read 1");
        assertThat(TransactionCache.get(new Key(2), this::read)).isEqualTo("read 2");
        end();
        begin();
        assertThat(TransactionCache.get(new Key(1), this::read)).isEqualTo("read 3");
        end();
        assertThat(reads).hasValue(3);
    }

    @Test
    void outsideATransaction_everyCallReads() {
        assertThat(TransactionCache.get(new Key(1), this::read)).isEqualTo("read 1");
        assertThat(TransactionCache.get(new Key(1), this::read)).isEqualTo("read 2");
    }

    private String read() {
        return "read " + reads.incrementAndGet();
    }

    private static void begin() {
        TransactionSynchronizationManager.initSynchronization();
    }

    /** What a transaction manager does as the transaction ends. */
    private static void end() {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(synchronization -> synchronization.afterCompletion(
                TransactionSynchronization.STATUS_COMMITTED));
    }

    private record Key(int id) {
    }
}
