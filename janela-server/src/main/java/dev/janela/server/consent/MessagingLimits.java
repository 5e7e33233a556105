package dev.janela.server.consent;

import dev.janela.server.jdbc.Instants;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Meta's messaging limit: how many unique customers an account's numbers may reach with business-initiated templates
 * (sent while the customer's window is closed) in a moving 24 hours. A customer already reached in that time does
 * not count again.
 */
@Repository
public class MessagingLimits {
    /** How far back Meta counts the customers reached. */
    public static final Duration MOVING_PERIOD = Duration.ofHours(24);

    private final JdbcClient jdbc;

    MessagingLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's messaging limit; empty when it has none (Meta's unlimited tier). */
    public OptionalInt limit(long accountId) {
        return jdbc.sql("select messaging_limit from accounts where id = :account").param("account", accountId)
                .query((row, n) -> {
                    int value = row.getInt(1);
                    return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
                })
                .single();
    }

    /** Sets the account's messaging limit; empty for none. */
    public void setLimit(long accountId, OptionalInt limit) {
        jdbc.sql("update accounts set messaging_limit = :limit where id = :account")
                .param("limit", limit.isPresent() ? limit.getAsInt() : null).param("account", accountId).update();
    }

    /**
     * The customers reached in a moving period.
     *
     * @param customers how many: what the limit is held against
     * @param handles every handle (numbers and BSUIDs) they are known by
     */
    public record Reached(int customers, Set<String> handles) {
    }

    /** The customers the account reached with a business-initiated template in the 24 hours before {@code now}. */
    public Reached reached(long accountId, Instant now) {
        Set<String> handles = new HashSet<>();
        int[] customers = {0};
        jdbc.sql("select distinct c.id, c.handle, c.user_id from messages m"
                        + " join conversations v on v.id = m.conversation_id"
                        + " join customers c on c.id = v.customer_id"
                        + " where m.account_id = :account and m.business_initiated and m.at > :since")
                .param("account", accountId).param("since", Instants.param(now.minus(MOVING_PERIOD)))
                .query(row -> {
                    customers[0]++;
                    handles.add(row.getString("handle"));
                    Optional.ofNullable(row.getString("user_id")).ifPresent(handles::add);
                });
        return new Reached(customers[0], handles);
    }
}
