package dev.janela.server.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.conversation.ProcessedEvents.Event;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The table of applied webhook events: an event's first time is its only one, per channel. */
@JanelaServerTest
class ProcessedEventsTest {
    @Autowired
    private TestServer server;
    @Autowired
    private JdbcClient jdbc;

    private Api api;

    @Autowired
    private ProcessedEvents processed;
    private TransactionTemplate transactions;

    @Autowired
    void transactions(PlatformTransactionManager manager) {
        transactions = new TransactionTemplate(manager);
    }

    @BeforeEach
    void newAccount() {
        api = server.newAccount();
    }

    @Test
    void anEvent_isNewOnlyTheFirstTime_onEachChannel() {
        long first = channelId(api.addChannel());
        long second = channelId(api.addChannel());

        assertThat(processed.firstTime(new Event(api.accountId(), first, "message:wamid.p1"))).isTrue();
        assertThat(processed.firstTime(new Event(api.accountId(), first, "message:wamid.p1"))).isFalse();
        assertThat(processed.firstTime(new Event(api.accountId(), first, "status:wamid.p1:read"))).isTrue();
        assertThat(processed.firstTime(new Event(api.accountId(), second, "message:wamid.p1"))).isTrue();
    }

    @Test
    void claimedEvents_areAnsweredFromTheClaim_newOnlyTheFirstTime_andAClaimRolledBackLeavesThemNew() {
        long channel = channelId(api.addChannel());
        Event applied = new Event(api.accountId(), channel, "message:wamid.c0");
        Event message = new Event(api.accountId(), channel, "message:wamid.c1");
        Event status = new Event(api.accountId(), channel, "status:wamid.c1:read");
        Event unclaimed = new Event(api.accountId(), channel, "status:wamid.c1:delivered");
        assertThat(processed.firstTime(applied)).isTrue();

        transactions.executeWithoutResult(rolledBack -> {
            processed.claim(List.of(message, status));
            rolledBack.setRollbackOnly();
        });
        assertThat(eventsOf(channel)).containsExactly(applied.key());

        List<Boolean> firstTimes = transactions.execute(claiming -> {
            processed.claim(List.of(status, applied, message, message));
            return List.of(processed.firstTime(message), processed.firstTime(message), processed.firstTime(applied),
                    processed.firstTime(status), processed.firstTime(unclaimed), processed.firstTime(unclaimed));
        });

        assertThat(firstTimes).containsExactly(true, false, false, true, true, false);
        assertThat(eventsOf(channel)).containsExactlyInAnyOrder(applied.key(), message.key(), status.key(),
                unclaimed.key());
        assertThat(processed.firstTime(message)).isFalse();
    }

    @Test
    void aClaimOfMoreEventsThanOneStatementTakes_findsWhichOfThemAreNew() {
        long channel = channelId(api.addChannel());
        List<Event> events = IntStream.range(0, 2_500)
                .mapToObj(i -> new Event(api.accountId(), channel, "message:wamid.many" + i)).toList();
        List<Event> everyThird = IntStream.range(0, events.size()).filter(i -> i % 3 == 0).mapToObj(events::get)
                .toList();
        transactions.executeWithoutResult(earlier -> processed.claim(everyThird));

        List<Boolean> firstTimes = transactions.execute(claiming -> {
            processed.claim(events);
            return events.stream().map(processed::firstTime).toList();
        });

        assertThat(firstTimes).isEqualTo(IntStream.range(0, events.size()).mapToObj(i -> i % 3 != 0).toList());
        assertThat(eventsOf(channel)).hasSize(events.size());
    }

    private List<String> eventsOf(long channel) {
        return jdbc.sql("select event_key from processed_events where channel_id = :channel")
                .param("channel", channel).query(String.class).list();
    }

    private long channelId(String phoneNumberId) {
        return jdbc.sql("select id from channels where phone_number_id = :id").param("id", phoneNumberId)
                .query(Long.class).single();
    }
}
