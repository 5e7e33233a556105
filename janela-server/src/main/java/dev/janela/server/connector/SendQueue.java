package dev.janela.server.connector;

import dev.janela.server.channel.Channel;
import dev.janela.server.jdbc.Instants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private final JdbcClient jdbc;

    SendQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A queued send: the request for Meta, and how often it was tried.
     *
     * @param customer the customer's handle: the phone number's digits, or the BSUID of a customer without one
     */
    record Queued(long messageId, long channelId, String wamid, String customer, String request, int attempts) {
    }

    /** Queues the send of the channel's message {@code wamid}, in the transaction that stored the message. */
    void add(Channel channel, String wamid, String customer, String request, Instant now) {
        jdbc.sql("insert into send_queue (message_id, account_id, channel_id, wamid, customer, request, attempts,"
                + " not_before, created_at)"
                + " select id, account_id, channel_id, wamid, :customer, :request, 0, :now, :now"
                + " from messages where channel_id = :channel and wamid = :wamid")
                .param("customer", customer).param("request", request).param("now", Instants.param(now))
                .param("channel", channel.id()).param("wamid", wamid).update();
    }

    /** How many sends wait on a channel, and how many of those to one customer. */
    record Waiting(long onChannel, long forCustomer) {
    }

    /** How many sends wait on the channel, and to {@code customer}: one read for both limits a send must fit. */
    Waiting waiting(long channelId, String customer) {
        return jdbc.sql("select count(*) as on_channel,"
                + " coalesce(sum(case when customer = :customer then 1 else 0 end), 0)"
                + " as for_customer from send_queue where channel_id = :channel")
                .param("channel", channelId).param("customer", customer)
                .query((row, number) -> new Waiting(row.getLong("on_channel"), row.getLong("for_customer"))).single();
    }

    /** How many sends wait, on every channel. */
    long waiting() {
        return jdbc.sql("select count(*) from send_queue").query(Long.class).single();
    }

    /** The sends due at {@code now} that nobody is sending, oldest first. */
    List<Queued> due(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from send_queue"
                + " where claimed_at is null and not_before <= :now order by message_id limit :limit")
                .param("now", Instants.param(now)).param("limit", limit)
                .query(SendQueue::queued).list();
    }

    /** When the next send that is not due at {@code now} comes due, if any waits. */
    Optional<Instant> nextDueAfter(Instant now) {
        return jdbc.sql("select min(not_before) as due from send_queue where claimed_at is null and not_before > :now")
                .param("now", Instants.param(now)).query((row, number) -> Instants.readOptional(row, "due")).single();
    }

    /** Claims a send for this process; false when another has it. */
    boolean claim(long messageId, Instant now) {
        return jdbc.sql("update send_queue set claimed_at = :now where message_id = :id and claimed_at is null")
                .param("now", Instants.param(now)).param("id", messageId).update() == 1;
    }

    /** Puts a claimed send back, to be tried again at {@code notBefore}. */
    void retryLater(long messageId, int attempts, Instant notBefore, String error) {
        jdbc.sql("update send_queue set attempts = :attempts, not_before = :notBefore, claimed_at = null,"
                + " last_error = :error where message_id = :id")
                .param("attempts", attempts).param("notBefore", Instants.param(notBefore))
                .param("error", error.length() > 500 ? error.substring(0, 500) : error).param("id", messageId)
                .update();
    }

    void remove(long messageId) {
        jdbc.sql("delete from send_queue where message_id = :id").param("id", messageId).update();
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
