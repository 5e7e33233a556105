package dev.janela.server.conversation;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.market.MarketResolver;
import dev.janela.core.market.Markets;
import dev.janela.core.session.SessionModel;
import dev.janela.core.session.SessionSettings;
import dev.janela.server.account.Accounts;
import dev.janela.server.channel.Channel;
import dev.janela.server.ratecard.RateCards;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The engine each account's decisions go through: the {@code session} model with its documented settings, priced
 * by the account's rate cards; and the market each conversation is priced in.
 */
@Component
public class Engines {
    private final SessionModel model = new SessionModel(SessionSettings.DEFAULTS);
    private final RateCards rateCards;
    private final Accounts accounts;

    Engines(RateCards rateCards, Accounts accounts) {
        this.rateCards = rateCards;
        this.accounts = accounts;
    }

    public ConversationEngine engineFor(long accountId) {
        return new ConversationEngine(model, rateCards.priceBook(accountId), SessionSettings.DEFAULTS.windowLength());
    }

    /** The {@code session} model's rules, for reading a session's status at an instant. */
    public SessionModel sessionModel() {
        return model;
    }

    /** The market of {@code key} on {@code channel}: the channel's registration country, or the customer's. */
    public String marketOf(Channel channel, ConversationKey key) {
        return markets(channel).marketOf(key);
    }

    /** What prices the conversations of {@code channel}, for asking about many of them at once. */
    MarketResolver markets(Channel channel) {
        return new MarketResolver(Markets.none(), accounts.marketBasis(channel.accountId()),
                Map.of(channel.number(), channel.country()));
    }
}
