package dev.janela.server.connector;

import dev.janela.server.channel.Channel;
import dev.janela.server.jdbc.BatchedWrites;
import dev.janela.server.jdbc.Dialect;
import dev.janela.server.jdbc.Instants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sends waiting to reach Meta, kept in the database with the message they belong to, so that a restart loses none.
 * A row is claimed while its request is in flight, by one process only; it leaves the queue when Meta has answered
 * or the answer was lost.
 */
@Repository
class SendQueue {
    private static final String COLUMNS = "message_id, channel_id, wamid, customer, request, attempts";
    /** The sends of the channels a node holds the lease of, and may send now. */
    private static final String HELD = " from send_queue q join channel_leases l on l.channel_id = q.channel_id"
            + " where l.node = :node and l.expires_at > :now and l.sendable_from <= :now and q.claimed_at is null";
    private static final String INSERT = "insert into send_queue (message_id, account_id, channel_id, wamid, customer,"
            + " request, attempts, not_before, created_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)";
    /** Claims a send for a node while its lease of the channel still has the token it had when the send was read. */
    private static final String CLAIM = "update send_queue set claimed_at = ? where message_id = ?"
            + " and claimed_at is null and exists (select 1 from channel_leases where channel_id = ? and node = ?"
            + " and token = ? and expires_at > ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Dialect dialect;

    SendQueue(JdbcClient jdbc, JdbcTemplate batches, Dialect dialect) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.dialect = dialect;
    }

    /**
     * A queued send: the request for Meta, and how often it was tried.
     *
     * @param customer the customer's handle: the phone number's digits, or the BSUID of a customer without one
     */
    record Queued(long messageId, long channelId, String wamid, String customer, String request, int attempts) {
    }

    /** A queued send due on a channel {@code node} holds, with the token of its lease. */
    record Due(Queued send, long token) {
    }

    /**
     * Queues the send of the channel's message {@code messageId}, in the transaction that stored the message: with the
     * rest of its batch when a group commit's batch is being applied.
     */
    void add(Channel channel, long messageId, String wamid, String customer, String request, Instant now) {
        Object at = Instants.param(now);
        BatchedWrites.write(batches, INSERT, messageId, channel.accountId(), channel.id(), wamid, customer, request,
                at, at);
    }

    /** How many sends wait on the channel. */
    long onChannel(long channelId) {
        return jdbc.sql("select count(*) from send_queue where channel_id = :channel").param("channel", channelId)
                .query(Long.class).single();
    }

    /** How many sends wait on the channel to {@code customer}, those of the batch being applied included. */
    long forCustomer(long channelId, String customer) {
        return jdbc.sql("select count(*) from send_queue where channel_id = :channel and customer = :customer")
                .param("channel", channelId).param("customer", customer).query(Long.class).single()
                + BatchedWrites.waiting(INSERT, row -> row[2].equals(channelId) && row[4].equals(customer));
    }

    /** How many sends wait, on every channel. */
    long waiting() {
        return jdbc.sql("select count(*) from send_queue").query(Long.class).single();
    }

    /**
     * The sends due at {@code now} on the channels {@code node} holds but those {@code passedOver}, that nobody is
     * sending, oldest first. In a transaction on PostgreSQL they stay locked until it ends, and another transaction's
     * locked sends are passed by.
     */
    List<Due> due(String node, Instant now, int limit, Collection<Long> passedOver) {
        String passing = passedOver.isEmpty() ? "" : " and q.channel_id not in (:passedOver)";
        JdbcClient.StatementSpec statement = jdbc.sql("select q.message_id, q.channel_id, q.wamid, q.customer,"
                + " q.request, q.attempts, l.token" + HELD + " and q.not_before <= :now" + passing
                + " order by q.message_id limit :limit" + dialect.lockRowsOfSkippingLocked("q"))
                .param("node", node).param("now", Instants.param(now)).param("limit", limit);
        if (!passedOver.isEmpty()) {
            statement.param("passedOver", passedOver);
        }
        return statement.query((row, number) -> new Due(queued(row, number), row.getLong("token"))).list();
    }

    /**
     * When the next send on the channels {@code node} holds that is not due at {@code now} comes due, if any: a retry,
     * as a send is queued due at once (another node's clock may be a little ahead, which the sender's nap, a quarter
     * of a second when it has nothing to do, covers).
     */
    Optional<Instant> nextDueAfter(String node, Instant now) {
        return jdbc.sql("select min(q.not_before) as due" + HELD + " and q.attempts > 0 and q.not_before > :now")
                .param("node", node).param("now", Instants.param(now))
                .query((row, number) -> Instants.readOptional(row, "due")).single();
    }

    /**
     * Claims due sends for {@code node}, in one round trip to the database: those whose channel's lease still has the
     * token it had when they were read, and that nobody claimed meanwhile. A send of a channel another node took over
     * is passed by.
     *
     * @return the sends claimed, in the order given
     */
    List<Queued> claim(String node, List<Due> due, Instant now) {
        Object at = Instants.param(now);
        int[] changed = batches.batchUpdate(CLAIM, due.stream().map(each -> new Object[] {at,
            each.send().messageId(), each.send().channelId(), node, each.token(), at}).toList());
        List<Queued> claimed = new ArrayList<>(due.size());
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] == 1) {
                claimed.add(due.get(i).send());
            }
        }
        return claimed;
    }

    /** Puts a claimed send back, to be tried again at {@code notBefore}. */
    void retryLater(long messageId, int attempts, Instant notBefore, String error) {
        jdbc.sql("update send_queue set attempts = :attempts, not_before = :notBefore, claimed_at = null,"
                + " last_error = :error where message_id = :id")
                .param("attempts", attempts).param("notBefore", Instants.param(notBefore))
                .param("error", error.length() > 500 ? error.substring(0, 500) : error).param("id", messageId)
                .update();
    }

    /**
     * Takes a settled send off the queue, with the rest of its batch when it is settled in a group commit's: nothing
     * in a settlement's transaction reads the queue.
     */
    void remove(long messageId) {
        BatchedWrites.write(batches, "delete from send_queue where message_id = ?", messageId);
    }

    /** Sends claimed before {@code claimedBefore} and never settled: the process that sent them stopped. */
    List<Queued> abandoned(Instant claimedBefore) {
        return jdbc.sql("select " + COLUMNS + " from send_queue"
                + " where claimed_at < :before order by message_id")
                .param("before", Instants.param(claimedBefore))
                .query(SendQueue::queued).list();
    }

    private static Queued queued(ResultSet row, int number) throws SQLException {
        return new Queued(row.getLong("message_id"), row.getLong("channel_id"), row.getString("wamid"),
                row.getString("customer"), row.getString("request"), row.getInt("attempts"));
    }
}
