package dev.janela.server.report;

import dev.janela.core.plan.PricingModels;
import dev.janela.server.channel.Channels;
import dev.janela.server.plan.FreeServiceMessages;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What a period cost, grouped by any of {@link Dimension}: from the ledger, or, with a pricing model, the same
 * traffic priced again under that model without touching the ledger; and, day by day, the sessions opened against
 * the sends refused.
 */
@Service
class Reports {
    private final CostReports reports;
    private final Repricing repricing;
    private final Channels channels;
    private final FreeServiceMessages freeServiceMessages;
    private final Clock clock;

    Reports(CostReports reports, Repricing repricing, Channels channels, FreeServiceMessages freeServiceMessages,
            Clock clock) {
        this.reports = reports;
        this.repricing = repricing;
        this.channels = channels;
        this.freeServiceMessages = freeServiceMessages;
        this.clock = clock;
    }

    /**
     * The free service messages each business number used in each month of the query's period, from the ledger's
     * decisions; none for traffic priced again under another model, which counts no allowance.
     */
    List<FreeServiceMessages.Use> freeServiceMessages(long accountId, Query query) {
        if (query.model().isPresent()) {
            return List.of();
        }
        return freeServiceMessages.between(accountId, channels.list(accountId), query.from(), query.to());
    }

    /**
     * A report's period and grouping, read and checked.
     *
     * @param model the pricing model to price the period's traffic under again; empty for the ledger's charges
     */
    record Query(Instant from, Instant to, List<Dimension> groupBy, Optional<String> model) {
    }

    /**
     * The report a request asks for: its period {@code [from, to)} (by default the current month, UTC, so far), its
     * comma-separated grouping, and the model it prices under again, if any.
     *
     * @throws Refusal naming every part of the request that cannot be read
     */
    Query query(String from, String to, String groupBy, String model) {
        List<FieldError> problems = new ArrayList<>();
        if (model != null && !PricingModels.NAMES.contains(model)) {
            problems.add(new FieldError("model", "'" + model + "' is not a pricing model; expected one of "
                    + String.join(", ", PricingModels.NAMES)));
        }
        Span span = Span.of(from, to, clock, problems);
        List<Dimension> dimensions = new ArrayList<>();
        if (groupBy != null && !groupBy.isBlank()) {
            for (String name : groupBy.split(",")) {
                Optional<Dimension> dimension = Dimension.fromWireName(name.strip());
                if (dimension.isEmpty() || dimensions.contains(dimension.get())) {
                    problems.add(new FieldError("groupBy", "is a list of distinct day, month, market, category and"
                            + " channel, such as day,market; not " + name.strip()));
                    break;
                }
                dimensions.add(dimension.get());
            }
        }
        Refusal.requireNone(problems);
        return new Query(span.from(), span.to(), List.copyOf(dimensions), Optional.ofNullable(model));
    }

    /** The report's groups, in the order of their keys. */
    List<CostReports.Group> costs(long accountId, Query query) {
        return query.model().isEmpty() ? reports.costs(accountId, query.from(), query.to(), query.groupBy())
                : repricing.costs(accountId, query.from(), query.to(), query.groupBy(), query.model().get());
    }

    /** The days of the period on which anything happened, in order. */
    List<CostReports.Day> activity(long accountId, Query query) {
        return reports.activity(accountId, query.from(), query.to());
    }
}
