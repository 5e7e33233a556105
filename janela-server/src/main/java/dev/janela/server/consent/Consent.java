package dev.janela.server.consent;

import dev.janela.core.customer.Bsuid;
import dev.janela.server.jdbc.Instants;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who may receive marketing templates: not a customer who opted out, nor one who has had the account's cap of them
 * in its period. A customer is named by a handle as a send names them: the number's digits, or a BSUID. The sets
 * are read whole for an account, so that a list of any length is checked with two queries.
 */
@Repository
public class Consent {
    private final JdbcClient jdbc;

    Consent(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's cap on marketing templates to one customer: at most {@code count} in {@code period}. */
    public record Cap(int count, Duration period) {
    }

    /** The account's cap, if it has one. */
    public Optional<Cap> cap(long accountId) {
        return jdbc.sql("select marketing_cap_count, marketing_cap_days from accounts where id = :account")
                .param("account", accountId)
                .query((row, n) -> {
                    int count = row.getInt("marketing_cap_count");
                    boolean none = row.wasNull();
                    int days = row.getInt("marketing_cap_days");
                    return none || row.wasNull() ? Optional.<Cap>empty() : Optional.of(new Cap(count,
                            Duration.ofDays(days)));
                })
                .single();
    }

    /**
     * Whether the customer {@code handle} names (a number's digits, a BSUID or a parent BSUID, as a send names them)
     * opted out of marketing: one lookup by a unique index, for a marketing template's send. A customer Janela does
     * not know has not.
     */
    public boolean isOptedOut(long accountId, String handle) {
        String column = !Bsuid.looksLikeOne(handle) ? "phone" : Bsuid.isParent(handle) ? "parent_user_id" : "user_id";
        return jdbc.sql("select opted_out_at from customers where account_id = :account and " + column + " = :handle")
                .param("account", accountId).param("handle", handle)
                .query((row, n) -> row.getObject("opted_out_at") != null).optional().orElse(false);
    }

    /** Every handle by which the account's opted-out customers are known: their numbers and their BSUIDs. */
    public Set<String> optedOut(long accountId) {
        Set<String> handles = new HashSet<>();
        jdbc.sql("select handle, user_id from customers where account_id = :account and opted_out_at is not null")
                .param("account", accountId)
                .query(row -> {
                    handles.add(row.getString("handle"));
                    Optional.ofNullable(row.getString("user_id")).ifPresent(handles::add);
                });
        return handles;
    }

    /**
     * Every handle by which the account's customers who have reached its cap at {@code now} are known; none when
     * the account has no cap.
     */
    public Set<String> overCap(long accountId, Instant now) {
        Set<String> handles = new HashSet<>();
        cap(accountId).ifPresent(cap -> jdbc.sql("select c.handle, c.user_id from messages m"
                        + " join conversations v on v.id = m.conversation_id"
                        + " join customers c on c.id = v.customer_id"
                        + " where m.account_id = :account and m.at > :since and m.direction = 'out'"
                        + " and m.category = 'marketing' and m.state <> 'failed'"
                        + " group by c.id, c.handle, c.user_id having count(*) >= :count")
                .param("account", accountId).param("since", Instants.param(now.minus(cap.period())))
                .param("count", cap.count())
                .query(row -> {
                    handles.add(row.getString("handle"));
                    Optional.ofNullable(row.getString("user_id")).ifPresent(handles::add);
                }));
        return handles;
    }
}
