package dev.janela.server.plan;

import dev.janela.core.meta.MetaSettings;
import dev.janela.core.plan.PricingModels;
import dev.janela.core.plan.PricingPlanFile;
import dev.janela.core.ratecard.MetaRateFiles;
import dev.janela.core.ratecard.VolumeTiersParser;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pricing plan as the API reads and writes it.
 *
 * @param timeZone an IANA time zone, {@code UTC} by default
 * @param periods the periods, in any order
 * @param volumeTiers the volume tiers as CSV (Janela's format, or Meta's Tier Pricing.csv as Meta publishes it),
 *     or null for none
 * @param freeServiceMessages how many service messages each business number sends free in a calendar month under
 *     {@code pmp-2026}; null for the default, 1,000
 */
record PlanView(String timeZone, List<PeriodView> periods, String volumeTiers, Long freeServiceMessages) {
    /**
     * A period: from a day (midnight in the time zone) or an instant, the model named.
     *
     * @param from {@code 2025-07-01} or {@code 2025-07-01T03:00:00Z}
     * @param model {@code session}, {@code cbp-2022}, {@code cbp-2023}, {@code pmp-2025} or {@code pmp-2026}
     */
    record PeriodView(String from, String model) {
    }

    static PlanView of(PricingPlans.Stored stored) {
        return new PlanView(stored.zone().getId(), stored.periods().stream()
                .map(period -> new PeriodView(period.from().toString(), period.model())).toList(),
                stored.tiersCsv().orElse(null), stored.meta().freeServiceMessages());
    }

    /**
     * The plan as it is stored, once read and checked.
     *
     * @throws Refusal naming every field at fault
     * @throws dev.janela.core.JanelaException naming the line at fault, if the volume tiers cannot be read
     */
    PricingPlans.Change check() {
        List<FieldError> problems = new ArrayList<>();
        ZoneId zone = zone(timeZone, problems);
        List<PricingPlans.StoredPeriod> checked = new ArrayList<>();
        Set<Instant> starts = new HashSet<>();
        List<PeriodView> asked = periods == null ? List.of() : periods;
        for (int index = 0; index < asked.size(); index++) {
            PeriodView period = asked.get(index);
            String field = "periods[" + index + "]";
            if (period == null || period.model() == null || !PricingModels.NAMES.contains(period.model())) {
                problems.add(new FieldError(field + ".model", "expected one of "
                        + String.join(", ", PricingModels.NAMES)));
            }
            Optional<Instant> from = from(period == null ? null : period.from(), zone, field + ".from", problems);
            if (from.isPresent() && !starts.add(from.get())) {
                problems.add(new FieldError(field + ".from", "another period starts at the same time"));
            }
            if (from.isPresent() && problems.isEmpty()) {
                checked.add(new PricingPlans.StoredPeriod(from.get(), period.model()));
            }
        }
        Optional<String> tiers = Optional.ofNullable(volumeTiers).filter(csv -> !csv.isBlank());
        if (freeServiceMessages != null && freeServiceMessages < 0) {
            problems.add(new FieldError("free_service_messages", "must be 0 or more"));
        }
        if (!problems.isEmpty()) {
            throw new Refusal(Reason.INVALID_REQUEST, "the pricing plan is not valid", problems);
        }
        Optional<String> janelas = tiers.map(PlanView::inJanelasFormat);
        janelas.ifPresent(csv -> VolumeTiersParser.parse("volume tiers", csv));
        return new PricingPlans.Change(zone, checked, janelas, freeServiceMessages == null ? MetaSettings.DEFAULTS
                : new MetaSettings(freeServiceMessages));
    }

    /** The tiers as given, or Meta's volume tiers file (its first line says so) in Janela's format. */
    private static String inJanelasFormat(String csv) {
        return MetaRateFiles.isVolumeTiersFile(csv) ? MetaRateFiles.convert("Meta's volume tiers", csv).csv() : csv;
    }

    private static ZoneId zone(String name, List<FieldError> problems) {
        if (name == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            problems.add(new FieldError("time_zone", "'" + name + "' is not a time zone such as UTC or"
                    + " America/Sao_Paulo"));
            return ZoneId.of("UTC");
        }
    }

    private static Optional<Instant> from(String text, ZoneId zone, String field, List<FieldError> problems) {
        Optional<Instant> from = text == null ? Optional.empty() : PricingPlanFile.dayOrInstant(text, zone);
        if (from.isEmpty()) {
            problems.add(new FieldError(field, "expected a day (2025-07-01) or an instant (2025-07-01T03:00:00Z)"));
        }
        return from;
    }
}
