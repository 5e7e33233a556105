package dev.janela.core.market;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.customer.CustomerHandle;
import dev.janela.core.phone.E164;
import dev.janela.core.phone.PhoneCountries;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The market a conversation is priced in: the country of the business's number or of the customer's, from their
 * number or a BSUID's prefix ({@link MarketBasis}), mapped to its region by a markets file as it stood at the event's
 * time. A channel may be
 * registered in another country than its number's; such channels are given their country explicitly. Thread-safe;
 * it remembers each number's markets over time once found.
 */
public final class MarketResolver {
    private final Markets markets;
    private final MarketBasis basis;
    private final Map<String, String> channelCountries;
    /**
     * Markets over time already found, by {@link #pricingNumber}, of the numbers whose calling code countries share:
     * finding their country (libphonenumber) is the costly part. Other numbers' countries are read from their calling
     * code each time, which costs less than remembering them: a replay meets most numbers once.
     */
    private final Map<String, MarketTimeline> timelineOfNumber = new ConcurrentHashMap<>();
    /** Each country's markets over time, once asked for. */
    private final Map<String, MarketTimeline> timelineOfCountry = new ConcurrentHashMap<>();

    /**
     * @param markets the regions countries are grouped into; {@link Markets#none()} for none
     * @param basis whose country counts
     * @param channelCountries the registration country of channels (E.164 with {@code +}) whose country is not their
     *     number's
     */
    public MarketResolver(Markets markets, MarketBasis basis, Map<String, String> channelCountries) {
        this.markets = Objects.requireNonNull(markets, "markets");
        this.basis = Objects.requireNonNull(basis, "basis");
        this.channelCountries = Map.copyOf(channelCountries);
    }

    public MarketBasis basis() {
        return basis;
    }

    /** The market {@code conversation} is priced in at {@code at}. */
    public String marketOf(ConversationKey conversation, Instant at) {
        return timelineOf(conversation).marketAt(at);
    }

    /** The markets {@code conversation} is priced in over time. */
    public MarketTimeline timelineOf(ConversationKey conversation) {
        String country = quickCountryOf(conversation);
        if (country != null) {
            return timelineOfCountry(country);
        }
        String number = pricingNumber(conversation);
        MarketTimeline known = timelineOfNumber.get(number);
        return known != null ? known
                : timelineOfNumber.computeIfAbsent(number, unused -> timelineOfCountry(countryOf(conversation)));
    }

    private MarketTimeline timelineOfCountry(String country) {
        MarketTimeline known = timelineOfCountry.get(country);
        return known != null ? known : timelineOfCountry.computeIfAbsent(country, markets::timelineOf);
    }

    /** The country whose market prices {@code conversation}, if found without libphonenumber; else null. */
    private String quickCountryOf(ConversationKey conversation) {
        String declared = declaredCountryOf(conversation);
        return declared != null ? declared : PhoneCountries.soleCountryOf(pricingDigits(conversation));
    }

    /**
     * The number whose market prices {@code conversation}: the channel's or the customer's, by the basis.
     * Conversations with the same pricing number have the same market, so callers may cache by it.
     */
    public String pricingNumber(ConversationKey conversation) {
        return basis == MarketBasis.BUSINESS ? conversation.channel() : conversation.customer();
    }

    /** The country whose market prices {@code conversation}. */
    public String countryOf(ConversationKey conversation) {
        String declared = declaredCountryOf(conversation);
        return declared != null ? declared : PhoneCountries.countryOf(pricingDigits(conversation));
    }

    /**
     * The pricing number's country where something other than its digits says it: the channel's registration, or a
     * BSUID's prefix; else null.
     */
    private String declaredCountryOf(ConversationKey conversation) {
        if (basis == MarketBasis.BUSINESS) {
            return channelCountries.get(conversation.channel());
        }
        String customer = conversation.customer();
        return CustomerHandle.isBsuid(customer) ? CustomerHandle.countryOf(customer) : null;
    }

    private long pricingDigits(ConversationKey conversation) {
        return E164.parse(pricingNumber(conversation)).digits();
    }
}
