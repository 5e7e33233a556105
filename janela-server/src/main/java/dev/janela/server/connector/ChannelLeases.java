package dev.janela.server.connector;

import dev.janela.server.cluster.Node;
import dev.janela.server.jdbc.Instants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which node sends for each channel. Pacing is kept in a node's memory, so two nodes sending for one number would each
 * send its whole throughput: a channel's sends go through one node at a time, the holder of its lease.
 * <ul>
 * <li>A node renews its leases every {@link #RENEW_EVERY}; one that stops renewing (it died, or cannot reach the
 *     database) loses them {@link #TERM} later, and the other nodes take its channels.</li>
 * <li>Each node holds its share of the channels, by how many nodes are alive: it takes channels nobody holds while
 *     it holds fewer, and lets the surplus go when a node joins.</li>
 * <li>Taking a channel over counts its token up. A send is claimed only with the token its lease had when the pass
 *     began ({@link SendQueue#claim}), so a node that lost a lease without noticing yet claims nothing more.</li>
 * <li>The new holder sends from a second (and a margin for requests still on their way) after the old lease ended:
 *     its pacing does not know what the old holder sent in its last second.</li>
 * </ul>
 */
@Repository
class ChannelLeases {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelLeases.class);
    static final Duration TERM = Node.ALIVE_FOR;
    static final Duration RENEW_EVERY = TERM.dividedBy(3);
    static final Duration HANDOVER_QUIET = Duration.ofMillis(1_200);

    private final JdbcClient jdbc;
    private final Node node;
    private final TransactionTemplate transaction;
    private Instant balanced = Instant.MIN;

    ChannelLeases(JdbcClient jdbc, Node node, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.node = node;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A channel without a live lease: the last one's token, holder and end, if it had one. */
    private record Free(long channelId, long token, String holder, Instant ended) {
    }

    /** Balances as {@link #balance} does, if it was last done {@link #RENEW_EVERY} ago or more. */
    synchronized void balanceIfDue(Instant now) {
        if (!balanced.plus(RENEW_EVERY).isAfter(now)) {
            balance(now);
        }
    }

    /**
     * Renews this node's leases, then takes channels nobody holds up to its share, or lets go of those beyond it.
     *
     * @return how many channels this node holds now
     */
    synchronized int balance(Instant now) {
        balanced = now;
        return transaction.execute(status -> {
            int alive = node.alive(now);
            int held = renewHeld(now);
            int channels = jdbc.sql("select count(*) from channels").query(Integer.class).single();
            int share = (channels + alive - 1) / Math.max(1, alive);
            if (held > share) {
                letGo(held - share, now);
                return share;
            }
            return held + take("", share - held, now);
        });
    }

    /**
     * Renews this node's leases, and takes every channel whose sends wait and that nobody holds, whatever its share:
     * how a pass that a caller asks for finds its sends, without waiting for the next balance.
     */
    synchronized void takeWaiting(Instant now) {
        transaction.executeWithoutResult(status -> {
            renewHeld(now);
            take(" and exists (select 1 from send_queue q where q.channel_id = c.id)", Integer.MAX_VALUE, now);
        });
    }

    /** How many channels this node holds a live lease of at {@code now}. */
    int held(Instant now) {
        return jdbc.sql("select count(*) from channel_leases where node = :node and expires_at > :now")
                .param("node", node.name()).param("now", Instants.param(now)).query(Integer.class).single();
    }

    /** Lets every lease of this node go: it is stopping, and the others need not wait for the leases to run out. */
    synchronized void releaseAll(Instant now) {
        jdbc.sql("update channel_leases set expires_at = :now where node = :node and expires_at > :now")
                .param("now", Instants.param(now)).param("node", node.name()).update();
        node.leave();
    }

    private int renewHeld(Instant now) {
        return jdbc.sql("update channel_leases set expires_at = :until where node = :node and expires_at > :now")
                .param("until", Instants.param(now.plus(TERM))).param("node", node.name())
                .param("now", Instants.param(now)).update();
    }

    /**
     * Takes up to {@code most} of the channels nobody holds.
     *
     * @param which a condition on the channel {@code c}, if only some are to be taken
     */
    private int take(String which, int most, Instant now) {
        if (most <= 0) {
            return 0;
        }
        List<Free> free = jdbc.sql("select c.id, l.token, l.node, l.expires_at from channels c"
                + " left join channel_leases l on l.channel_id = c.id"
                + " where (l.channel_id is null or l.expires_at <= :now)" + which + " order by c.id limit :most")
                .param("now", Instants.param(now)).param("most", most)
                .query((row, number) -> new Free(row.getLong("id"), row.getLong("token"),
                        row.getString("node"), Instants.readOptional(row, "expires_at").orElse(Instant.MIN)))
                .list();
        List<Long> taken = new ArrayList<>();
        Instant sendableFrom = now;
        for (Free channel : free) {
            // This node's own pacing remembers what it sent before its lease ran out; another node's does not.
            Instant sendable = channel.token() == 0 || node.name().equals(channel.holder()) ? now
                    : latest(now, channel.ended().plus(HANDOVER_QUIET));
            int changed = channel.token() == 0
                    ? jdbc.sql("insert into channel_leases (channel_id, node, token, expires_at, sendable_from)"
                            + " values (:channel, :node, 1, :until, :sendable) on conflict (channel_id) do nothing")
                            .param("channel", channel.channelId()).param("node", node.name())
                            .param("until", Instants.param(now.plus(TERM)))
                            .param("sendable", Instants.param(sendable)).update()
                    : jdbc.sql("update channel_leases set node = :node, token = token + 1, expires_at = :until,"
                            + " sendable_from = :sendable where channel_id = :channel and token = :token")
                            .param("node", node.name()).param("until", Instants.param(now.plus(TERM)))
                            .param("sendable", Instants.param(sendable)).param("channel", channel.channelId())
                            .param("token", channel.token()).update();
            if (changed == 1) {
                taken.add(channel.channelId());
                sendableFrom = latest(sendableFrom, sendable);
            }
        }
        if (!taken.isEmpty()) {
            LOG.info("Node {} took {} channels to send for, from {} at the latest: {}", node.name(), taken.size(),
                    sendableFrom, taken.size() > 20 ? taken.subList(0, 20) + "..." : taken);
        }
        return taken.size();
    }

    private void letGo(int count, Instant now) {
        int released = jdbc.sql("update channel_leases set expires_at = :now where channel_id in"
                + " (select channel_id from channel_leases where node = :node and expires_at > :now"
                + " order by channel_id desc limit :count)")
                .param("now", Instants.param(now)).param("node", node.name()).param("count", count).update();
        LOG.info("Node {} let {} channels go to nodes that hold fewer", node.name(), released);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
