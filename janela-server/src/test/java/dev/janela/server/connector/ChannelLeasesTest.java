package dev.janela.server.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.cluster.Node;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.MetaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several nodes over one database, played in one process: each channel is sent for by one node at a time, nodes share
 * the channels out, a dead node's channels move to the living, and a node that lost a lease claims nothing more.
 */
@MetaServerTest
class ChannelLeasesTest {
    private static final String CUSTOMER = "5521987650077";
    private static final String ANOTHER_CUSTOMER = "5521987650078";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private SendQueue queue;

    /** Names this test's nodes, so that what they leave behind is theirs alone to clear. */
    private final String run = "lease-test-" + UUID.randomUUID();
    private Instant start;
    private long channelId;

    /** The newest of two channels at least, with two sends waiting. */
    @BeforeEach
    void aChannelWithTwoSendsWaiting() {
        server.anAccount().build();
        Api api = server.anAccount()
                .withTemplateApprovedAtMeta("order_update", "en_US", "utility", "Order {{1}} has shipped.").build();
        Api.expect(api.sendTemplate(api.channel(), CUSTOMER, "order_update", "en_US", "A-1"), 200);
        Api.expect(api.sendTemplate(api.channel(), ANOTHER_CUSTOMER, "order_update", "en_US", "A-2"), 200);
        channelId = jdbc.sql("select id from channels where phone_number_id = :id").param("id", api.channel())
                .query(Long.class).single();
        // Past every lease the other tests' nodes hold, whatever their clocks reached.
        start = Instant.now().plus(Duration.ofDays(3_650)).truncatedTo(ChronoUnit.MILLIS);
        clock.set(start);
    }

    @AfterEach
    void clearThisTestsNodes() {
        jdbc.sql("delete from channel_leases where node like :run").param("run", run + "%").update();
        jdbc.sql("delete from cluster_nodes where node like :run").param("run", run + "%").update();
        jdbc.sql("delete from cluster_jobs where job like :run").param("run", run + "%").update();
    }

    @Test
    void aNodeAlone_holdsEveryChannel_andASecondNodeAlive_getsHalf_aSecondAfterTheFirstLetsThemGo() {
        ChannelLeases first = node("first");
        ChannelLeases second = node("second");
        int channels = jdbc.sql("select count(*) from channels").query(Integer.class).single();

        int heldAlone = first.balance(start);
        SendQueue.Due readByFirst = dueOnTheChannel("first", start).orElseThrow();
        int heldBySecondAtFirst = second.balance(start);
        Instant letGo = start.plusSeconds(2);
        int heldByFirstAfter = first.balance(letGo);
        int heldBySecondAfter = second.balance(letGo);
        Instant sendable = letGo.plus(ChannelLeases.HANDOVER_QUIET);

        assertThat(heldAlone).isEqualTo(channels);
        assertThat(heldBySecondAtFirst).as("every channel is held, and nobody takes a held one").isZero();
        assertThat(heldByFirstAfter).isEqualTo((channels + 1) / 2);
        assertThat(heldBySecondAfter).isEqualTo(channels / 2);
        assertThat(lease()).as("the newest channel is let go first").isEqualTo(new Lease(run + "-second", sendable));
        assertThat(queue.claim(run + "-first", List.of(readByFirst), letGo)).as("the first node's lease is gone")
                .isEmpty();
        assertThat(dueOnTheChannel("second", sendable.minusMillis(1))).as("within a second of the handover")
                .isEmpty();
        assertThat(dueOnTheChannel("first", sendable)).isEmpty();
        SendQueue.Due readBySecond = dueOnTheChannel("second", sendable).orElseThrow();
        assertThat(queue.claim(run + "-second", List.of(readBySecond), sendable))
                .containsExactly(readBySecond.send());
    }

    @Test
    void aNodeThatStopsRenewing_losesItsChannels_toTheLiving_afterItsLeasesEnd() {
        ChannelLeases dying = node("dying");
        ChannelLeases living = node("living");
        dying.balance(start);
        SendQueue.Due readByDying = dueOnTheChannel("dying", start).orElseThrow();

        int takenBeforeTheEnd = living.balance(start.plus(ChannelLeases.TERM).minusMillis(1));
        Instant ended = start.plus(ChannelLeases.TERM);
        int takenAtTheEnd = living.balance(ended);

        assertThat(takenBeforeTheEnd).as("the dying node's leases still hold").isZero();
        assertThat(takenAtTheEnd).isEqualTo(jdbc.sql("select count(*) from channels").query(Integer.class).single());
        assertThat(lease()).isEqualTo(new Lease(run + "-living", ended.plus(ChannelLeases.HANDOVER_QUIET)));
        assertThat(queue.claim(run + "-dying", List.of(readByDying), start.plusSeconds(1)))
                .as("a node that lost its lease without knowing it claims nothing, even by its own clock").isEmpty();
        assertThat(ChannelLeases.TERM.plus(ChannelLeases.RENEW_EVERY).plus(ChannelLeases.HANDOVER_QUIET))
                .as("the longest a dead node's channels wait for another").isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aNodeTakingBackItsOwnLapsedLease_sendsAtOnce_forItsPacingRemembersWhatItSent() {
        ChannelLeases only = node("only");
        only.balance(start);
        Instant later = start.plus(ChannelLeases.TERM).plusSeconds(1);

        only.balance(later);

        assertThat(lease()).isEqualTo(new Lease(run + "-only", later));
        assertThat(dueOnTheChannel("only", later)).isPresent();
    }

    @Test
    void sendsClaimedTogether_areThoseNobodyClaimedMeanwhile() {
        node("only").balance(start);
        List<SendQueue.Due> due = allDueOnTheChannel("only", start);
        assertThat(due).hasSize(2);

        List<SendQueue.Queued> first = queue.claim(run + "-only", due.subList(0, 1), start);
        List<SendQueue.Queued> both = queue.claim(run + "-only", due, start);

        assertThat(first).containsExactly(due.get(0).send());
        assertThat(both).as("the first is claimed already").containsExactly(due.get(1).send());
        assertThat(allDueOnTheChannel("only", start)).isEmpty();
    }

    private record Lease(String node, Instant sendableFrom) {
    }

    private Lease lease() {
        return jdbc.sql("select node, sendable_from from channel_leases where channel_id = :channel")
                .param("channel", channelId)
                .query((row, number) -> new Lease(row.getString("node"), Instants.read(row, "sendable_from")))
                .single();
    }

    /** The first send waiting on this test's channel, if one is due for {@code node} at {@code now}. */
    private Optional<SendQueue.Due> dueOnTheChannel(String node, Instant now) {
        return allDueOnTheChannel(node, now).stream().findFirst();
    }

    /** The sends waiting on this test's channel that are due for {@code node} at {@code now}, oldest first. */
    private List<SendQueue.Due> allDueOnTheChannel(String node, Instant now) {
        return new TransactionTemplate(transactions).execute(status -> queue.due(run + "-" + node, now,
                Integer.MAX_VALUE, List.of()).stream().filter(due -> due.send().channelId() == channelId).toList());
    }

    private ChannelLeases node(String name) {
        return new ChannelLeases(jdbc, new Node(jdbc, run + "-" + name), transactions);
    }
}
