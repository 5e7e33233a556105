package dev.janela.core.pricing;

import dev.janela.core.conversation.BusinessMessage;
import dev.janela.core.conversation.CustomerMessage;
import java.util.List;

/**
 * The rules that decide what is charged, at which category: Janela's {@code session} model, and Meta's models as
 * they were on given dates. A model sees only what the engine has accepted; it never refuses anything, and it does
 * not decide when the window is open. Implementations are immutable and thread-safe: all they remember about a
 * conversation is in the {@link PricingState} they return.
 *
 * <p>The engine stores every model's states alike and hands a conversation's state to the model in force through
 * {@link #takeOver}, which turns whatever was stored into one of this model's own; the other methods see only
 * states of their own type.
 *
 * @param <S> the type of the states this model keeps
 */
public interface PricingModel<S extends PricingState> {
    /** The name users select it by, as in {@code replay --model session}. */
    String name();

    /** The categories it charges, in the order reports list them. */
    List<Category> categories();

    /**
     * Whether the model bills units subject to monthly counts per account ({@link MonthlyAllowance}), so that a
     * conversation's charges depend on the others'.
     */
    default boolean countsPerAccount() {
        return false;
    }

    /** The state of a conversation nothing has happened in yet. */
    S initialState();

    /**
     * The state to go on from when this model takes over a conversation at a plan's switch: {@code state} itself
     * if it is one of this model's, else what this model makes of another model's state (at least its initial
     * state).
     */
    S takeOver(PricingState state);

    /**
     * A customer's message.
     *
     * @param windowOpen whether the window was open just before the message
     */
    Rating<S> onCustomerMessage(S state, CustomerMessage message, boolean windowOpen);

    /**
     * A business message the engine accepted and the platform delivered (or did not report as failed). Meta's
     * models open what they open at delivery; Janela decides when it sends, and reverses what a later failure
     * undoes.
     *
     * @param windowOpen whether the window was open when it was sent
     */
    Rating<S> onDelivered(S state, BusinessMessage message, boolean windowOpen);

    /**
     * A message accepted earlier was later reported as failed: its charge, if any, is reversed by the engine; the
     * model forgets what the message opened.
     *
     * @param messageId the failed message's id
     * @return the state with what the message opened ended
     */
    S onFailedAfterAcceptance(S state, String messageId);
}
