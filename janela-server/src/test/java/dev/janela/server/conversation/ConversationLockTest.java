package dev.janela.server.conversation;

import static dev.janela.server.testfixtures.TestServer.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.engine.ConversationState;
import dev.janela.core.session.Session;
import dev.janela.core.session.SessionStatus;
import dev.janela.core.session.SessionType;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestDatabase;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A conversation is read with its current session in one statement, and locked by it. A transaction that waited for
 * the lock sees the conversation as the transaction it waited for left it, the session that one opened included,
 * although on PostgreSQL its statement began before that session existed.
 */
@JanelaServerTest
class ConversationLockTest {
    private static final Duration MOST_WAIT = Duration.ofSeconds(20);

    @Autowired
    private TestServer server;
    @Autowired
    private Channels channels;
    @Autowired
    private Customers customers;
    @Autowired
    private ConversationStore store;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aLockTakenAfterAWait_seesTheSessionTheHolderOpened() throws Exception {
        Channel channel = channels.findByPhoneNumberId(server.anAccount().build().channel()).orElseThrow();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        Customer customer = transaction.execute(status -> {
            Customer made = customers.resolve(channel.accountId(), CustomerIds.of("5521987650301"), START);
            store.lock(channel, made);
            return made;
        });
        Session opened = new Session(SessionType.USER_INITIATED, SessionStatus.ACTIVE, START, "wamid.opening");
        CountDownLatch holding = new CountDownLatch(1);

        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            StoredConversation before = store.lock(channel, customer);
            holding.countDown();
            awaitAnotherWaitingForTheLock();
            store.save(before, ConversationState.of(Optional.of(START.plus(Duration.ofHours(24))), opened), START);
        }));
        assertThat(holding.await(MOST_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        ConversationState seen = transaction.execute(status -> store.lock(channel, customer).state());
        holder.get(MOST_WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(seen.pricing()).isEqualTo(opened);
        assertThat(seen.windowExpiresAt()).contains(START.plus(Duration.ofHours(24)));
    }

    /**
     * On PostgreSQL, waits until another transaction waits for a row lock, so that its statement began before this
     * transaction changes anything. SQLite lets one transaction in at a time: the other begins once this one ends.
     */
    private void awaitAnotherWaitingForTheLock() {
        if (!TestDatabase.isPostgres()) {
            return;
        }
        Instant giveUp = Instant.now().plus(MOST_WAIT);
        while (othersWaitingForTheLock() == 0) {
            assertThat(Instant.now()).as("another transaction waits for the conversation's lock").isBefore(giveUp);
            Thread.onSpinWait();
        }
    }

    private long othersWaitingForTheLock() {
        // a transaction reads the server's activity once and keeps what it read, unless told to read it again
        jdbc.sql("select pg_stat_clear_snapshot()").query().singleValue();
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and query like '%from conversations v%'").query(Long.class).single();
    }
}
