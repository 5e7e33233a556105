package dev.janela.server.ledger;

import dev.janela.core.pricing.Category;
import dev.janela.server.channel.Channels;
import dev.janela.server.jdbc.Cursor;
import dev.janela.server.jdbc.Page;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Fields;
import dev.janela.server.refusal.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** The account's ledger as its readers ask for it: filtered, a page at a time or every matching row. */
@Service
public class Charges {
    /** The most rows one read of the ledger returns. */
    static final int MAX_PAGE = 1000;

    private final ChargeQuery query;
    private final Channels channels;

    Charges(ChargeQuery query, Channels channels) {
        this.query = query;
        this.channels = channels;
    }

    /**
     * What to read, as a request names it: each part may be absent.
     *
     * @param from charges at or after this ISO-8601 instant
     * @param to charges before this ISO-8601 instant
     * @param channel the channel's {@code phone_number_id}
     */
    public record Asked(String from, String to, String channel, String market, String category) {
    }

    /** The charges {@code asked} for, once their filter is checked. */
    public record Selection(long accountId, ChargeQuery.Filter filter) {
    }

    /**
     * The account's charges that {@code asked} names.
     *
     * @throws Refusal naming every part of {@code asked} that cannot be read, or if its channel is not the account's
     */
    public Selection select(long accountId, Asked asked) {
        return new Selection(accountId, filter(accountId, asked));
    }

    /** Up to {@code limit} rows after {@code after}, by time then id, and the cursor of the next page. */
    public Page<ChargeQuery.Row> page(Selection selection, Optional<Cursor> after, int limit) {
        return Page.of(query.page(selection.accountId(), selection.filter(), after, limit + 1), limit,
                ChargeQuery.Row::cursor);
    }

    /** Every row selected, in order, read a page at a time. */
    public void forEach(Selection selection, Consumer<ChargeQuery.Row> row) {
        Optional<Cursor> after = Optional.empty();
        do {
            List<ChargeQuery.Row> rows = query.page(selection.accountId(), selection.filter(), after, MAX_PAGE);
            rows.forEach(row);
            after = rows.size() < MAX_PAGE ? Optional.empty() : Optional.of(rows.get(rows.size() - 1).cursor());
        } while (after.isPresent());
    }

    private ChargeQuery.Filter filter(long accountId, Asked asked) {
        List<FieldError> problems = new ArrayList<>();
        Optional<Instant> start = Fields.instant("from", asked.from(), problems);
        Optional<Instant> end = Fields.instant("to", asked.to(), problems);
        Optional<Long> channelId = Optional.empty();
        if (asked.channel() != null && !asked.channel().isBlank()) {
            channelId = channels.find(accountId, asked.channel()).map(found -> found.id());
            if (channelId.isEmpty()) {
                throw Refusal.notFound("channel " + asked.channel());
            }
        }
        Optional<String> category = Optional.ofNullable(asked.category()).filter(name -> !name.isBlank());
        if (category.isPresent() && Category.fromWireName(category.get()).isEmpty()) {
            problems.add(new FieldError("category", "is not a category such as user_initiated or marketing"));
        }
        Refusal.requireNone(problems);
        return new ChargeQuery.Filter(start, end, channelId,
                Optional.ofNullable(asked.market()).filter(market -> !market.isBlank()), category);
    }
}
