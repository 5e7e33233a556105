package dev.janela.server.conversation;

import dev.janela.core.engine.AllowanceUse;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.ledger.Charge;
import dev.janela.core.session.Session;
import dev.janela.core.session.SessionModel;
import dev.janela.core.session.SessionStatus;
import dev.janela.server.channel.Channel;
import dev.janela.server.ledger.Ledger;
import dev.janela.server.notify.EventType;
import dev.janela.server.notify.Notifications;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the business's systems are told of its conversations, and in which words: each method turns a change the
 * conversation's transaction is making into an event's {@code data}, and publishes it in that transaction. The
 * records below are the contract receivers read; their fields are written in snake_case.
 */
@Component
class ConversationEvents {
    private final Notifications notifications;

    ConversationEvents(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * {@code message.received}.
     *
     * @param channel the channel's {@code phone_number_id}
     * @param waId the customer's number, digits only; null for a customer whose number the business does not know
     * @param userId the customer's business-scoped user ID, once Meta gave it
     * @param text the message's text, if it has one
     * @param referral whether the customer came from an ad or a page button
     * @param profileName the name the customer's profile shows, if the webhook gave it
     */
    record MessageReceived(String channel, String waId, String userId, String messageId, String type, String text,
            Instant at, boolean referral, String profileName) {
    }

    /**
     * {@code message.status}.
     *
     * @param messageId Janela's id for the message, which the send's answer gave
     * @param metaMessageId the id Meta gave it, once known (with Meta's connector)
     * @param status {@code sent}, {@code delivered}, {@code read}, {@code failed} or {@code unknown}
     * @param errorCode the platform's error code, when it gave one
     * @param bizOpaqueCallbackData what the send asked to have echoed, as Meta's statuses echo it
     */
    record MessageStatusChanged(String channel, String waId, String userId, String messageId, String metaMessageId,
            String status, Instant at, Integer errorCode, String bizOpaqueCallbackData) {
    }

    /**
     * {@code session.opened}.
     *
     * @param type {@code user_initiated} or {@code business_initiated}
     * @param status {@code active}, or {@code pending} while a template waits for the customer's reply
     * @param openedBy the id of the message that opened it, and was charged for it
     * @param windowExpiresAt until when the window is open, for an active session
     */
    record SessionOpened(String channel, String waId, String userId, String type, String status, Instant openedAt,
            String openedBy, Instant windowExpiresAt) {
    }

    /** {@code session.ended}: replaced by the next session (at its window's end, if that came first), or failed. */
    record SessionEnded(String channel, String waId, String userId, String type, Instant openedAt, String openedBy,
            Instant endedAt) {
    }

    /**
     * {@code charge.recorded}: a ledger row.
     *
     * @param eventId the message that caused it
     * @param kind {@code charge}, or {@code reversal} for a charge cancelled by a failed send
     * @param amount a decimal string, negative for a reversal
     */
    record ChargeRecorded(String channel, String waId, String userId, String eventId, String kind, String category,
            String market, String amount, String currency, String rateCardVersion, Instant at) {
    }

    record FreeServiceThreshold(String channel, String number, String month, long used, long of, int percent) {
    }

    /** The service message {@code use} reached 80% or all of its business number's free ones this month. */
    void freeServiceThreshold(Channel channel, AllowanceUse use) {
        publish(channel, EventType.FREE_SERVICE_THRESHOLD, new FreeServiceThreshold(channel.phoneNumberId(),
                channel.number(), use.key().month().toString(), use.used(), use.freeUnits(),
                use.number() >= use.freeUnits() ? 100 : 80));
    }

    void messageReceived(StoredConversation conversation, Inbound message) {
        publish(conversation.channel(), EventType.MESSAGE_RECEIVED, new MessageReceived(
                conversation.channel().phoneNumberId(), waId(conversation), userId(conversation), message.wamid(),
                message.type(),
                message.body().orElse(null), message.at(), message.referral(), message.profileName().orElse(null)));
    }

    void messageStatus(Channel channel, Messages.Tracked message, MessageState state,
            StatusReport report) {
        String metaMessageId = message.metaWamid()
                .orElse(report.wamid().equals(message.wamid()) ? null : report.wamid());
        publish(channel, EventType.MESSAGE_STATUS, new MessageStatusChanged(channel.phoneNumberId(),
                message.customer().phone().orElse(null), message.customer().userId().orElse(null), message.wamid(),
                metaMessageId, state.wireName(), report.at(),
                report.errorCode().orElse(null), message.callbackData().orElse(null)));
    }

    void chargeRecorded(StoredConversation conversation, Charge charge) {
        publish(conversation.channel(), EventType.CHARGE_RECORDED, new ChargeRecorded(
                conversation.channel().phoneNumberId(), waId(conversation), userId(conversation), charge.eventId(),
                charge.kind().wireName(), charge.category().wireName(), charge.market(),
                Ledger.decimal(charge.amount().micros(), 4), charge.amount().currency().getCurrencyCode(),
                charge.rateCardVersion(), charge.at()));
    }

    /**
     * The sessions a decision opened and ended, as {@link ConversationStore#save} writes them: the same session
     * with another status, or another session, which ends the one it replaces.
     *
     * @param at when the decision's event happened
     */
    void sessionsChanged(StoredConversation before, ConversationState after, Instant at) {
        Optional<Session> previous = SessionModel.current(before.state().pricing());
        Optional<Session> next = SessionModel.current(after.pricing());
        if (next.isEmpty() || next.equals(previous)) {
            return;
        }
        Session session = next.get();
        if (previous.isPresent() && previous.get().openedBy().equals(session.openedBy())) {
            if (session.status() == SessionStatus.ENDED && previous.get().status() != SessionStatus.ENDED) {
                ended(before, session, at);
            }
            return;
        }
        previous.filter(old -> old.status() != SessionStatus.ENDED)
                .ifPresent(old -> ended(before, old, ConversationStore.endOf(before.state(), at)));
        Instant windowExpiresAt = session.status() == SessionStatus.ACTIVE
                ? after.windowExpiresAt().orElse(null) : null;
        publish(before.channel(), EventType.SESSION_OPENED, new SessionOpened(before.channel().phoneNumberId(),
                waId(before), userId(before), session.type().category().wireName(), session.status().wireName(),
                session.openedAt(), session.openedBy(), windowExpiresAt));
    }

    private void ended(StoredConversation conversation, Session session, Instant at) {
        publish(conversation.channel(), EventType.SESSION_ENDED, new SessionEnded(
                conversation.channel().phoneNumberId(), waId(conversation), userId(conversation),
                session.type().category().wireName(),
                session.openedAt(), session.openedBy(), at));
    }

    private void publish(Channel channel, EventType type, Object data) {
        notifications.publish(channel.accountId(), channel.id(), type, data);
    }

    /** The customer's number as WhatsApp writes it (digits, without the {@code +}), or null when not known. */
    private static String waId(StoredConversation conversation) {
        return conversation.customer().phone().orElse(null);
    }

    /** The customer's business-scoped user ID, or null when Meta has not given it. */
    private static String userId(StoredConversation conversation) {
        return conversation.customer().userId().orElse(null);
    }
}
