package dev.janela.server.report;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.config.ConnectorKind;
import dev.janela.server.plan.FreeServiceMessages;
import dev.janela.server.ratecard.RateCards;
import dev.janela.server.template.TemplateStatus;
import dev.janela.server.template.Templates;
import dev.janela.server.ui.Amounts;
import dev.janela.server.ui.Days;
import dev.janela.server.ui.Period;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /billing}, for admins and analysts: what a period cost, per day and by market and category, drawn from the
 * same reports as {@code /api/reports/costs}; the charges themselves ({@code ledger}'s part of the page); the rate
 * card in force; where Meta's pricing disagrees with Janela's; and a campaign's estimate ({@code estimate}'s part).
 */
@WebPages
class BillingPages {
    /** The disagreements the page lists; the API pages through the rest. */
    private static final int RECONCILIATION_ROWS = 50;

    private final Reports reports;
    private final RateCards rateCards;
    private final Channels channels;
    private final Templates templates;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final Reconciliation reconciliation;
    private final FreeServiceMessages freeServiceMessages;
    private final boolean sendsToMeta;
    private final Amounts amounts;
    private final Days days;

    BillingPages(Reports reports, RateCards rateCards, Channels channels, Templates templates,
            JsonMapper json, MessageSource messages, Clock clock, Reconciliation reconciliation,
            FreeServiceMessages freeServiceMessages, ConnectorKind connector, Amounts amounts, Days days) {
        this.amounts = amounts;
        this.days = days;
        this.reconciliation = reconciliation;
        this.sendsToMeta = connector == ConnectorKind.META;
        this.freeServiceMessages = freeServiceMessages;
        this.reports = reports;
        this.rateCards = rateCards;
        this.channels = channels;
        this.templates = templates;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * One bar or slice of a chart: what the report groups by ({@code BR}, {@code user_initiated}), how the reader's
     * language says it, its amount as the exact decimal the report gives, and that amount as the page shows amounts.
     */
    record Slice(String key, String label, String amount, String shown) {
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/billing")
    String billing(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Caller caller, Locale locale, Model model) {
        Period period = Period.of(from, to, clock);
        long account = caller.accountId();
        CostView byDay = costs(account, period, "day");
        Map<String, Object> charts = new LinkedHashMap<>();
        // The axes show amounts in the ledger's currency, as the browser writes them in the reader's language.
        charts.put("currency", byDay.totals().currency());
        charts.put("language", locale.toLanguageTag());
        List<Slice> byMarket = slices(costs(account, period, "market"), "market", locale);
        List<Slice> byCategory = slices(costs(account, period, "category"), "category", locale);
        charts.put("day", slices(byDay, "day", locale));
        charts.put("market", byMarket);
        charts.put("category", byCategory);
        model.addAttribute("period", period);
        // Every grouping adds up to the period's totals, so the days give them without another read of the ledger.
        model.addAttribute("totals", byDay.totals());
        // Inside a script element: a "<" in a label must not close it.
        model.addAttribute("charts", json.writeValueAsString(charts).replace("<", "\\u003c"));
        model.addAttribute("byMarket", byMarket);
        model.addAttribute("byCategory", byCategory);
        model.addAttribute("reconciliation", reconciliation.reconcile(account, Instant.parse(period.start()),
                Instant.parse(period.end()), Optional.empty(), RECONCILIATION_ROWS));
        model.addAttribute("sendsToMeta", sendsToMeta);
        List<RateCards.Version> versions = rateCards.versions(account);
        model.addAttribute("rateCard", inForce(versions, clock.instant()).orElse(null));
        List<Channel> accountChannels = channels.list(account);
        model.addAttribute("channels", accountChannels);
        model.addAttribute("freeService", freeServiceMessages.thisMonth(account, accountChannels));
        model.addAttribute("templates", templates.list(account).stream()
                .filter(template -> template.status() == TemplateStatus.APPROVED).toList());
        return "billing";
    }

    /** The report for the period, grouped as asked, as the API's CSV. */
    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/billing/costs.csv")
    void costsCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "day,market,category") String groupBy, Caller caller,
            HttpServletResponse response) throws IOException {
        Period period = Period.of(from, to, clock);
        Reports.Query query = reports.query(period.start(), period.end(), groupBy, null);
        List<CostReports.Group> groups = reports.costs(caller.accountId(), query);
        response.setContentType(CostCsv.CONTENT_TYPE);
        response.setHeader("Content-Disposition", CostCsv.DISPOSITION);
        CostCsv.write(response.getWriter(), query, groups);
    }

    /** The period's costs from the ledger, grouped by {@code dimension}. */
    private CostView costs(long account, Period period, String dimension) {
        Reports.Query query = reports.query(period.start(), period.end(), dimension, null);
        return CostView.of(query, reports.costs(account, query), List.of());
    }

    private List<Slice> slices(CostView view, String dimension, Locale locale) {
        List<Slice> slices = new ArrayList<>();
        for (Map<String, Object> group : view.groups()) {
            String key = String.valueOf(group.get(dimension));
            String label = switch (dimension) {
                case "category" -> messages.getMessage("session.type." + key, null, key, locale);
                case "day" -> days.format(LocalDate.parse(key), locale);
                default -> key;
            };
            String total = String.valueOf(group.get("total"));
            slices.add(new Slice(key, label, total, amounts.format(total, (String) group.get("currency"), locale)));
        }
        return slices;
    }

    /** The version that prices what happens now: the latest to have taken effect. */
    private static Optional<RateCards.Version> inForce(List<RateCards.Version> versions, Instant now) {
        return versions.stream().filter(version -> !version.effectiveFrom().isAfter(now))
                .max((left, right) -> left.effectiveFrom().compareTo(right.effectiveFrom()));
    }
}
