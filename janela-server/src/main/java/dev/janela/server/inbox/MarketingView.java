package dev.janela.server.inbox;

import dev.janela.server.consent.OptOuts;
import java.time.Instant;
import java.util.List;

/**
 * A customer's marketing consent, in the API and on the conversation's page.
 *
 * @param customer the customer's handle: the number's digits, else the BSUID
 * @param optedOutAt since when they are opted out; null while they may receive marketing
 * @param lastChange the change that made the state what it is; null for a customer never marked
 * @param history every change, newest first
 */
record MarketingView(String customer, boolean optedOut, Instant optedOutAt, ChangeView lastChange,
        List<ChangeView> history) {
    /**
     * One change.
     *
     * @param source {@code stop_word}, {@code agent}, {@code api} or {@code meta}
     * @param detail the stop word, or who marked them; null when Meta gave nothing
     */
    record ChangeView(boolean optedOut, String source, String detail, Instant at) {
        static ChangeView of(OptOuts.Change change) {
            return new ChangeView(change.optedOut(), change.source().wireName(), change.detail().orElse(null),
                    change.at());
        }
    }

    static MarketingView of(String handle, OptOuts.State state) {
        return new MarketingView(handle, state.optedOut(), state.optedOutAt().orElse(null),
                state.last().map(ChangeView::of).orElse(null), state.history().stream().map(ChangeView::of).toList());
    }
}
