package dev.janela.core.market;

import dev.janela.core.conversation.ConversationKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The markets one conversation is priced in, found once for a caller that decides many of its events: a replay
 * asks for a market at most events, and finding a number's market through a {@link MarketResolver} is a lookup by
 * the number, where this is an array read. It remembers the markets of the resolvers it was made with; under any
 * other, it asks that resolver. Immutable and thread-safe.
 */
public final class ConversationMarkets {
    private final ConversationKey conversation;
    private final MarketResolver[] resolvers;
    private final MarketTimeline[] timelines;
    /**
     * The first resolver, and its market when the conversation has one for all time (else null): nearly every
     * conversation's, answered from this object alone, since a replay of many conversations finds few of their
     * arrays in the processor's caches.
     */
    private final MarketResolver first;
    private final String firstMarket;

    private ConversationMarkets(ConversationKey conversation, List<MarketResolver> resolvers) {
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.resolvers = resolvers.toArray(MarketResolver[]::new);
        this.timelines = new MarketTimeline[this.resolvers.length];
        for (int index = 0; index < timelines.length; index++) {
            timelines[index] = this.resolvers[index].timelineOf(conversation);
        }
        this.first = this.resolvers.length > 0 ? this.resolvers[0] : null;
        this.firstMarket = timelines.length > 0 ? timelines[0].marketForAllTime() : null;
    }

    /**
     * The markets of {@code conversation} under each of {@code resolvers}, found now. The list may be empty, for a
     * caller that decides one event and would find its market once anyway.
     */
    public static ConversationMarkets of(ConversationKey conversation, List<MarketResolver> resolvers) {
        return new ConversationMarkets(conversation, resolvers);
    }

    public ConversationKey conversation() {
        return conversation;
    }

    /** The market the conversation is priced in at {@code at} by {@code resolver}. */
    public String marketOf(MarketResolver resolver, Instant at) {
        if (resolver == first && firstMarket != null) {
            return firstMarket;
        }
        for (int index = 0; index < resolvers.length; index++) {
            if (resolvers[index] == resolver) {
                return timelines[index].marketAt(at);
            }
        }
        return resolver.marketOf(conversation, at);
    }
}
