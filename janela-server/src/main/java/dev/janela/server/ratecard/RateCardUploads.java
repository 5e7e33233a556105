package dev.janela.server.ratecard;

import dev.janela.core.ratecard.MetaRateFiles;
import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.RateCard;
import dev.janela.core.ratecard.RateCardParser;
import dev.janela.server.access.Caller;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Fields;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rate card versions as an account's admins upload them: each the next version, in force from its
 * {@code effective_from}. Without one, a new version applies from now, and an account's first version from the
 * beginning: otherwise events stamped a moment before the upload (a webhook is always a little late) could not be
 * priced at all.
 */
@Service
class RateCardUploads {
    static final String JANELA_FORMAT = "janela";
    static final String META_FORMAT = "meta";

    private final RateCards rateCards;
    private final Clock clock;

    RateCardUploads(RateCards rateCards, Clock clock) {
        this.rateCards = rateCards;
        this.clock = clock;
    }

    /**
     * Uploads {@code text} as the account's next version: a rate card in Janela's format
     * ({@code market,category,price,currency}), or Meta's own rate card file, stored in Janela's.
     *
     * @param from when it takes effect, an ISO-8601 instant; null for now (the beginning, for the first)
     * @param format {@code janela} (or null) or {@code meta}
     * @return the version stored
     * @throws Refusal if {@code text} is empty, {@code from} or {@code format} cannot be read, another version takes
     *     effect then, its currency differs, or Meta's file holds volume tiers
     * @throws dev.janela.core.JanelaException naming every line at fault, if {@code text} is not a rate card; nothing
     *     is stored then
     */
    @Transactional
    public RateCardView upload(Caller caller, String text, String from, String format) {
        if (text.isBlank()) {
            throw new Refusal(Reason.INVALID_REQUEST, "the rate card is empty; send " + expected(format));
        }
        String csv = inJanelasFormat(text, format);
        long account = caller.accountId();
        List<RateCards.Version> existing = rateCards.versions(account);
        Instant effectiveFrom = effectiveFrom(from, existing.isEmpty());
        String version = "v" + (existing.size() + 1);
        RateCard card = RateCardParser.parse("rate card", csv, version, effectiveFrom);
        List<RateCard> all = new ArrayList<>();
        for (RateCards.Version stored : existing) {
            if (stored.effectiveFrom().equals(effectiveFrom)) {
                throw Refusal.conflict("rate card " + stored.version() + " takes effect at " + effectiveFrom
                        + " already; choose another effective_from");
            }
            all.add(stored.card());
        }
        all.add(card);
        try {
            PriceBook.of(all);
        } catch (IllegalArgumentException mismatch) {
            throw Refusal.invalid("currency", mismatch.getMessage());
        }
        rateCards.add(account, card, csv, caller.author());
        return new RateCardView(version, effectiveFrom, card.currency().getCurrencyCode(), card.markets().size(),
                clock.instant(), caller.author());
    }

    /** What an upload in {@code format} holds, for a refusal to say. */
    private static String expected(String format) {
        return META_FORMAT.equals(format) ? "Meta's Pricing.csv as Meta publishes it"
                : "its CSV: the header market,category,price,currency, then one line a price, such as"
                + " BR,marketing,0.0625,USD";
    }

    private static String inJanelasFormat(String text, String format) {
        if (format == null || format.isBlank() || format.equals(JANELA_FORMAT)) {
            return text;
        }
        if (!format.equals(META_FORMAT)) {
            throw Refusal.invalid("format", "must be janela (market,category,price,currency) or meta (Meta's"
                    + " Pricing.csv), not '" + format + "'");
        }
        MetaRateFiles.Converted converted = MetaRateFiles.convert("Meta's rate card", text);
        if (converted.kind() != MetaRateFiles.Kind.RATE_CARD) {
            throw Refusal.invalid("format", "this is Meta's volume tiers file; give it as the pricing plan's"
                    + " volume_tiers");
        }
        return converted.csv();
    }

    private Instant effectiveFrom(String from, boolean first) {
        List<FieldError> problems = new ArrayList<>();
        Optional<Instant> given = Fields.instant("effective_from", from, problems);
        Refusal.requireNone(problems);
        return given.orElseGet(() -> first ? RateCards.BEGINNING : clock.instant());
    }
}
