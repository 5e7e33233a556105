package dev.janela.server.message;

import dev.janela.server.conversation.StoredConversation;
import dev.janela.server.jdbc.Instants;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every conversation's messages, both ways. */
@Repository
public class Messages {
    private final JdbcClient jdbc;
    private final Clock clock;

    Messages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A message as a status report needs it. */
    public record Tracked(long id, long conversationId, String customerWaId, MessageState state) {
    }

    /**
     * Records a message.
     *
     * @param templateId the template it was made from, if any
     * @param category the template's category, if any
     * @param body its text, if it has one
     * @param author who sent it: a token's name for outbound messages; null for the customer's
     */
    public void add(StoredConversation conversation, String wamid, String direction, String type, Long templateId,
            String category, String body, MessageState state, String author, Instant at) {
        jdbc.sql("insert into messages (account_id, channel_id, conversation_id, wamid, direction, type, template_id,"
                + " category, body, state, author, at, state_at, created_at) values (:account, :channel,"
                + " :conversation, :wamid, :direction, :type, :template, :category, :body, :state, :author, :at, :at,"
                + " :now)")
                .param("account", conversation.accountId()).param("channel", conversation.channel().id())
                .param("conversation", conversation.id()).param("wamid", wamid).param("direction", direction)
                .param("type", type).param("template", templateId).param("category", category).param("body", body)
                .param("state", state.wireName()).param("author", author).param("at", Instants.param(at))
                .param("now", Instants.param(clock.instant())).update();
    }

    /** Notes that the customer's message {@code wamid} came from an ad or a Page button (a free entry point). */
    public void markReferral(long channelId, String wamid) {
        jdbc.sql("update messages set referral = true where channel_id = :channel and wamid = :wamid")
                .param("channel", channelId).param("wamid", wamid).update();
    }

    /** The channel's message with {@code wamid}. */
    public Optional<Tracked> find(long channelId, String wamid) {
        return jdbc.sql("select m.id, m.conversation_id, m.state, c.wa_id from messages m"
                + " join conversations v on v.id = m.conversation_id join customers c on c.id = v.customer_id"
                + " where m.channel_id = :channel and m.wamid = :wamid")
                .param("channel", channelId).param("wamid", wamid)
                .query((row, number) -> new Tracked(row.getLong("id"), row.getLong("conversation_id"),
                        row.getString("wa_id"), MessageState.valueOf(row.getString("state").toUpperCase(Locale.ROOT))))
                .optional();
    }

    /** Moves a message to {@code state}, as reported at {@code at}. */
    public void setState(long id, MessageState state, Instant at, Integer errorCode) {
        jdbc.sql("update messages set state = :state, state_at = :at, error_code = coalesce(:error, error_code)"
                + " where id = :id")
                .param("state", state.wireName()).param("at", Instants.param(at)).param("error", errorCode)
                .param("id", id).update();
    }
}
