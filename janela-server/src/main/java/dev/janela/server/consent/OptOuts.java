package dev.janela.server.consent;

import dev.janela.server.jdbc.Instants;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a customer is opted out of marketing, and every change of it: {@code customers.opted_out_at} is the state
 * a send reads, {@code opt_outs} its history. A change is recorded once: opting out a customer already out (a second
 * STOP, Meta's report of a stop an agent already marked) records nothing. A change older than the customer's last
 * recorded one is stale (a webhook delivered again, late) and changes nothing either.
 */
@Repository
public class OptOuts {
    private final JdbcClient jdbc;

    OptOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What made a customer's marketing state change. */
    public enum Source {
        /** The customer wrote one of the account's stop words; the detail is the word. */
        STOP_WORD,
        /** An agent marked them, in the inbox; the detail is who. */
        AGENT,
        /** An integration marked them, through the API; the detail is the token's name or the user's address. */
        API,
        /** Meta reported that they stopped or resumed marketing messages ({@code user_preferences}). */
        META;

        /** As the API and the table write it: {@code stop_word}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Source of(String wireName) {
            return Arrays.stream(values()).filter(source -> source.wireName().equals(wireName)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("unknown opt-out source " + wireName));
        }
    }

    /**
     * A change of a customer's marketing state.
     *
     * @param optedOut whether it opted them out (else back in)
     * @param detail the stop word, or who marked them; empty when Meta gave nothing
     */
    public record Change(boolean optedOut, Source source, Optional<String> detail, Instant at) {
        public Change {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A customer's marketing state: opted out since {@code optedOutAt} (empty when they may receive marketing), and
     * every change, newest first.
     */
    public record State(Optional<Instant> optedOutAt, List<Change> history) {
        public boolean optedOut() {
            return optedOutAt.isPresent();
        }

        /** The change that made the state what it is, if there was one. */
        public Optional<Change> last() {
            return history.stream().findFirst();
        }
    }

    /**
     * Opts the customer out of marketing, or back in, as {@code change} says.
     *
     * @return whether it changed their state; false when it was already so, or {@code change} is stale
     */
    @Transactional
    public boolean change(long accountId, long customerId, Change change) {
        int changed = jdbc.sql("update customers set opted_out_at = :optedOutAt where id = :customer"
                        + " and account_id = :account and opted_out_at is " + (change.optedOut() ? "null" : "not null")
                        + " and not exists (select 1 from opt_outs where customer_id = :customer and at > :at)")
                .param("optedOutAt", change.optedOut() ? Instants.param(change.at()) : null)
                .param("customer", customerId).param("account", accountId).param("at", Instants.param(change.at()))
                .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("insert into opt_outs (account_id, customer_id, opted_out, source, detail, at)"
                        + " values (:account, :customer, :optedOut, :source, :detail, :at)")
                .param("account", accountId).param("customer", customerId).param("optedOut", change.optedOut())
                .param("source", change.source().wireName()).param("detail", change.detail().orElse(null))
                .param("at", Instants.param(change.at())).update();
        return true;
    }

    /** The customer's marketing state and its history; the state of a customer never marked is opted in. */
    public State state(long customerId) {
        Optional<Instant> optedOutAt = jdbc.sql("select opted_out_at from customers where id = :customer")
                .param("customer", customerId).query((row, n) -> Instants.readOptional(row, "opted_out_at"))
                .optional().flatMap(at -> at);
        List<Change> history = jdbc.sql("select opted_out, source, detail, at from opt_outs"
                        + " where customer_id = :customer order by id desc")
                .param("customer", customerId)
                .query((row, n) -> new Change(row.getBoolean("opted_out"), Source.of(row.getString("source")),
                        Optional.ofNullable(row.getString("detail")), Instants.read(row, "at")))
                .list();
        return new State(optedOutAt, history);
    }
}
