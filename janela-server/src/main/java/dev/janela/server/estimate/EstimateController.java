package dev.janela.server.estimate;

import dev.janela.core.phone.E164;
import dev.janela.server.account.Role;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.TemplateEstimates;
import dev.janela.server.ledger.Ledger;
import dev.janela.server.template.Template;
import dev.janela.server.template.Templates;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/estimates}: what sending a template now to each of a list of customers would cost: free inside an
 * open window, else the price of the session it would start. The list comes as JSON, or as a CSV upload (one number
 * a line, a header line allowed). Numbers that cannot be read are listed, not fatal; a number given twice counts once.
 */
@RestController
class EstimateController {
    /** A campaign larger than this is estimated in parts. */
    static final int MAX_RECIPIENTS = 100_000;

    private final Channels channels;
    private final Templates templates;
    private final TemplateEstimates estimates;
    private final Clock clock;

    EstimateController(Channels channels, Templates templates, TemplateEstimates estimates, Clock clock) {
        this.channels = channels;
        this.templates = templates;
        this.estimates = estimates;
        this.clock = clock;
    }

    record TemplateRef(String name, String language) {
    }

    record EstimateRequest(String channel, TemplateRef template, List<String> recipients) {
    }

    /** One recipient's estimate; {@code amount} is null, and {@code problem} says why, if it cannot be priced. */
    record RecipientView(String waId, String market, boolean windowOpen, boolean charged, String amount,
            String problem) {
    }

    /** A recipient that could not be read, by its place in the list (from 1). */
    record InvalidView(int position, String value, String problem) {
    }

    record MarketView(String market, long recipients, long charged, long free, String total) {
    }

    record Totals(long recipients, long charged, long free, long unpriced, String total) {
    }

    record EstimateView(String channel, TemplateView template, Instant at, String currency,
            List<RecipientView> recipients, List<InvalidView> invalid, long duplicates, List<MarketView> byMarket,
            Totals totals) {
    }

    record TemplateView(String name, String language, String category, String status) {
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @PostMapping(path = "/api/estimates", consumes = "application/json")
    EstimateView estimate(@RequestBody EstimateRequest request, HttpServletRequest http) {
        List<FieldError> problems = new ArrayList<>();
        if (request.channel() == null || request.channel().isBlank()) {
            problems.add(new FieldError("channel", "is required: the phone_number_id to send from"));
        }
        if (request.template() == null || request.template().name() == null
                || request.template().language() == null) {
            problems.add(new FieldError("template", "is required: {\"name\",\"language\"}"));
        }
        if (request.recipients() == null || request.recipients().isEmpty()) {
            problems.add(new FieldError("recipients", "is required: the customers' numbers"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return estimate(Caller.of(http), request.channel(), request.template(), request.recipients());
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @PostMapping(path = "/api/estimates", consumes = {"text/csv", "text/plain"})
    EstimateView estimateCsv(@RequestBody String csv, @RequestParam String channel, @RequestParam String template,
            @RequestParam String language, HttpServletRequest http) {
        List<String> lines = csv.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (!lines.isEmpty() && lines.get(0).chars().anyMatch(Character::isLetter)) {
            lines = lines.subList(1, lines.size());
        }
        if (lines.isEmpty()) {
            throw ApiException.invalid(List.of(new FieldError("recipients", "the CSV has no numbers, one a line")));
        }
        return estimate(Caller.of(http), channel, new TemplateRef(template, language),
                lines.stream().map(line -> line.split(",", 2)[0].strip()).toList());
    }

    private EstimateView estimate(Caller caller, String phoneNumberId, TemplateRef ref, List<String> recipients) {
        if (recipients.size() > MAX_RECIPIENTS) {
            throw ApiException.invalid(List.of(new FieldError("recipients", "at most " + MAX_RECIPIENTS
                    + " a request; estimate a larger campaign in parts")));
        }
        Channel channel = channels.find(caller.accountId(), phoneNumberId)
                .orElseThrow(() -> ApiException.notFound("channel " + phoneNumberId));
        Template template = templates.find(caller.accountId(), ref.name(), ref.language())
                .orElseThrow(() -> ApiException.notFound("template " + ref.name() + " in " + ref.language()));
        Set<String> waIds = new LinkedHashSet<>();
        List<InvalidView> invalid = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            String value = recipients.get(i) == null ? "" : recipients.get(i);
            E164.Parsed number = E164.parse(value);
            if (number.isValid()) {
                waIds.add(Long.toString(number.digits()));
            } else {
                invalid.add(new InvalidView(i + 1, value, number.problem()));
            }
        }
        Instant at = clock.instant();
        List<TemplateEstimates.Estimate> priced = estimates.now(channel, List.copyOf(waIds), template.category());
        return view(channel, template, at, priced, invalid, recipients.size() - invalid.size() - waIds.size());
    }

    private static EstimateView view(Channel channel, Template template, Instant at,
            List<TemplateEstimates.Estimate> priced, List<InvalidView> invalid, long duplicates) {
        List<RecipientView> recipients = new ArrayList<>();
        Map<String, long[]> markets = new TreeMap<>();
        long charged = 0;
        long unpriced = 0;
        long totalMicros = 0;
        String currency = null;
        for (TemplateEstimates.Estimate estimate : priced) {
            long micros = estimate.cost().amount().map(amount -> amount.micros()).orElse(0L);
            if (currency == null && estimate.cost().amount().isPresent()) {
                currency = estimate.cost().amount().get().currency().getCurrencyCode();
            }
            recipients.add(new RecipientView(estimate.waId(), estimate.market(), estimate.windowOpen(),
                    estimate.cost().charged(), estimate.cost().amount().map(amount -> Ledger.decimal(amount.micros(),
                            4)).orElse(null), estimate.cost().problem().orElse(null)));
            long[] market = markets.computeIfAbsent(estimate.market(), ignored -> new long[3]);
            market[0]++;
            if (estimate.cost().charged()) {
                market[1]++;
                charged++;
            }
            market[2] = Math.addExact(market[2], micros);
            totalMicros = Math.addExact(totalMicros, micros);
            if (estimate.cost().amount().isEmpty()) {
                unpriced++;
            }
        }
        List<MarketView> byMarket = new ArrayList<>();
        markets.forEach((market, sums) -> byMarket.add(new MarketView(market, sums[0], sums[1], sums[0] - sums[1],
                Ledger.decimal(sums[2], 4))));
        return new EstimateView(channel.phoneNumberId(), new TemplateView(template.name(), template.language(),
                template.category().wireName(), template.status().name()), at, currency, recipients, invalid,
                duplicates, byMarket, new Totals(priced.size(), charged, priced.size() - charged, unpriced,
                        Ledger.decimal(totalMicros, 4)));
    }
}
