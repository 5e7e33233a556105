package dev.janela.server.ratecard;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.web.Allowed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/rate-cards}: upload a rate card version (the CSV body, {@code market,category,price,currency}, or with
 * {@code format=meta} Meta's own Pricing.csv) in force from {@code effective_from}, and list the versions. Without
 * {@code effective_from}, a new version applies from now, and an account's first version from the beginning:
 * otherwise events stamped a moment before the upload (a webhook is always a little late) could not be priced at
 * all.
 */
@RestController
class RateCardController {
    private final RateCardUploads uploads;
    private final RateCards rateCards;

    RateCardController(RateCardUploads uploads, RateCards rateCards) {
        this.uploads = uploads;
        this.rateCards = rateCards;
    }

    record VersionList(List<RateCardView> rateCards) {
    }

    @Allowed({Role.ADMIN})
    @PostMapping(path = "/api/rate-cards", consumes = {"text/csv", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    RateCardView upload(@RequestBody(required = false) String csv,
            @RequestParam(name = "effective_from", required = false) String from,
            @RequestParam(required = false) String format, Caller caller) {
        // An empty body is the upload's to refuse, saying what a rate card is, rather than Spring's.
        return uploads.upload(caller, csv == null ? "" : csv, from, format);
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/api/rate-cards")
    VersionList list(Caller caller) {
        return new VersionList(rateCards.versions(caller.accountId()).stream().map(RateCardView::of).toList());
    }

    /** A version as it was uploaded, for download: the CSV that priced every charge naming it. */
    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping(path = "/api/rate-cards/{version}", produces = "text/csv")
    ResponseEntity<String> download(@PathVariable String version, Caller caller) {
        RateCards.Version found = rateCards.find(caller.accountId(), version)
                .orElseThrow(() -> Refusal.notFound("rate card " + version));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + found.fileName() + "\"")
                .body(found.csv());
    }
}
