package dev.janela.server.ratecard;

import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.RateCard;
import dev.janela.core.ratecard.RateCardParser;
import dev.janela.server.account.Role;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiErrorCode;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import dev.janela.server.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/rate-cards}: upload a rate card version (the CSV body, {@code market,category,price,currency}) in force
 * from {@code effective_from}, and list the versions. Without {@code effective_from}, a new version applies from now,
 * and an account's first version from the beginning: otherwise events stamped a moment before the upload (a webhook
 * is always a little late) could not be priced at all.
 */
@RestController
class RateCardController {
    private final RateCards rateCards;
    private final Clock clock;

    RateCardController(RateCards rateCards, Clock clock) {
        this.rateCards = rateCards;
        this.clock = clock;
    }

    /** A version as the API shows it. */
    record VersionView(String version, Instant effectiveFrom, String currency, int markets, Instant createdAt,
            String createdBy) {
    }

    record VersionList(List<VersionView> rateCards) {
    }

    @Allowed({Role.ADMIN})
    @PostMapping(path = "/api/rate-cards", consumes = {"text/csv", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    VersionView upload(@RequestBody String csv, @RequestParam(name = "effective_from", required = false) String from,
            HttpServletRequest http) {
        Caller caller = Caller.of(http);
        long account = caller.accountId();
        List<RateCards.Version> existing = rateCards.versions(account);
        Instant effectiveFrom = effectiveFrom(from, existing.isEmpty());
        String version = "v" + (existing.size() + 1);
        RateCard card = RateCardParser.parse("rate card", csv, version, effectiveFrom);
        List<RateCard> all = new ArrayList<>();
        for (RateCards.Version stored : existing) {
            if (stored.effectiveFrom().equals(effectiveFrom)) {
                throw new ApiException(ApiErrorCode.CONFLICT, "rate card " + stored.version() + " takes effect at "
                        + effectiveFrom + " already; choose another effective_from");
            }
            all.add(RateCardParser.parse(stored.version(), stored.csv(), stored.version(), stored.effectiveFrom()));
        }
        all.add(card);
        try {
            PriceBook.of(all);
        } catch (IllegalArgumentException mismatch) {
            throw ApiException.invalid(List.of(new FieldError("currency", mismatch.getMessage())));
        }
        rateCards.add(account, card, csv, caller.author());
        return new VersionView(version, effectiveFrom, card.currency().getCurrencyCode(), card.markets().size(),
                clock.instant(), caller.author());
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/api/rate-cards")
    VersionList list(HttpServletRequest http) {
        return new VersionList(rateCards.versions(Caller.of(http).accountId()).stream()
                .map(version -> new VersionView(version.version(), version.effectiveFrom(), version.currency(),
                        RateCardParser.parse(version.version(), version.csv(), version.version(),
                                version.effectiveFrom()).markets().size(), version.createdAt(),
                        version.createdBy()))
                .toList());
    }

    /** A version as it was uploaded, for download: the CSV that priced every charge naming it. */
    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping(path = "/api/rate-cards/{version}", produces = "text/csv")
    ResponseEntity<String> download(@PathVariable String version, HttpServletRequest http) {
        RateCards.Version found = rateCards.versions(Caller.of(http).accountId()).stream()
                .filter(stored -> stored.version().equals(version)).findFirst()
                .orElseThrow(() -> ApiException.notFound("rate card " + version));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rates-" + found.version() + ".csv\"")
                .body(found.csv());
    }

    private Instant effectiveFrom(String from, boolean first) {
        List<FieldError> problems = new ArrayList<>();
        Optional<Instant> given = QueryParameters.instant("effective_from", from, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return given.orElseGet(() -> first ? RateCards.BEGINNING : clock.instant());
    }
}
