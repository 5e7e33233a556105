package dev.janela.server.ledger;

import dev.janela.core.pricing.Category;
import dev.janela.core.report.CsvField;
import dev.janela.server.account.Role;
import dev.janela.server.channel.Channels;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import dev.janela.server.web.Cursor;
import dev.janela.server.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/charges}: the account's ledger, oldest first, filtered by {@code from}, {@code to}, {@code channel}
 * ({@code phone_number_id}), {@code market} and {@code category}. As JSON, a page at a time ({@code next} is the
 * cursor of the next page, null after the last); as CSV ({@code Accept: text/csv}), every matching row.
 */
@RestController
class ChargeController {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final String CSV_HEADER =
            "id,event_id,at,channel,customer,market,category,amount,currency,rate_card_version,cause";

    private final ChargeQuery query;
    private final Channels channels;

    ChargeController(ChargeQuery query, Channels channels) {
        this.query = query;
        this.channels = channels;
    }

    /** A charge as the API shows it; {@code amount} is a decimal string, negative for a reversal. */
    record ChargeView(long id, String eventId, Instant at, String channel, String customer, String market,
            String category, String amount, String currency, String rateCardVersion, String cause) {
        static ChargeView of(ChargeQuery.Row row) {
            return new ChargeView(row.id(), row.eventId(), row.at(), row.channel(), row.customer(), row.market(),
                    row.category(), Ledger.decimal(row.amountMicros(), 4), row.currency(), row.rateCardVersion(),
                    row.cause());
        }
    }

    record ChargePage(List<ChargeView> charges, String next) {
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping(path = "/api/charges", produces = "application/json")
    ChargePage json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String market,
            @RequestParam(required = false) String category, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, HttpServletRequest http) {
        long account = Caller.of(http).accountId();
        ChargeQuery.Filter filter = filter(account, from, to, channel, market, category);
        int size = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        List<ChargeQuery.Row> rows = query.page(account, filter, Cursor.decode(cursor)
                .map(position -> new ChargeQuery.Position(position.at(), position.id())), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            ChargeQuery.Row last = rows.get(size - 1);
            next = new Cursor(last.at(), last.id()).encode();
        }
        return new ChargePage(rows.stream().map(ChargeView::of).toList(), next);
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping(path = "/api/charges", produces = "text/csv")
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String market,
            @RequestParam(required = false) String category, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        long account = Caller.of(http).accountId();
        ChargeQuery.Filter filter = filter(account, from, to, channel, market, category);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"charges.csv\"");
        Writer out = response.getWriter();
        out.write(CSV_HEADER + "\n");
        Optional<ChargeQuery.Position> after = Optional.empty();
        while (true) {
            List<ChargeQuery.Row> rows = query.page(account, filter, after, MAX_LIMIT);
            for (ChargeQuery.Row row : rows) {
                out.write(csvLine(ChargeView.of(row)));
                out.write('\n');
            }
            if (rows.size() < MAX_LIMIT) {
                break;
            }
            ChargeQuery.Row last = rows.get(rows.size() - 1);
            after = Optional.of(new ChargeQuery.Position(last.at(), last.id()));
        }
        out.flush();
    }

    private static String csvLine(ChargeView view) {
        return String.join(",", Long.toString(view.id()), CsvField.of(view.eventId()), view.at().toString(),
                CsvField.of(view.channel()), view.customer(), CsvField.of(view.market()), view.category(),
                view.amount(), view.currency(), CsvField.of(view.rateCardVersion()),
                CsvField.of(view.cause()));
    }

    private ChargeQuery.Filter filter(long account, String from, String to, String channel, String market,
            String category) {
        List<FieldError> problems = new ArrayList<>();
        Optional<Instant> start = QueryParameters.instant("from", from, problems);
        Optional<Instant> end = QueryParameters.instant("to", to, problems);
        Optional<Long> channelId = Optional.empty();
        if (channel != null && !channel.isBlank()) {
            channelId = channels.find(account, channel).map(found -> found.id());
            if (channelId.isEmpty()) {
                throw ApiException.notFound("channel " + channel);
            }
        }
        Optional<String> categoryName = Optional.ofNullable(category).filter(name -> !name.isBlank());
        if (categoryName.isPresent() && Category.fromWireName(categoryName.get()).isEmpty()) {
            problems.add(new FieldError("category", "is not a category such as user_initiated or marketing"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new ChargeQuery.Filter(start, end, channelId, Optional.ofNullable(market).filter(m -> !m.isBlank()),
                categoryName);
    }
}
