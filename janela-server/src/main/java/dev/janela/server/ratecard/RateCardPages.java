package dev.janela.server.ratecard;

import dev.janela.core.JanelaException;
import dev.janela.core.ratecard.RateCard;
import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ErrorTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /rate-cards}: the account's rate card versions, each downloadable as its CSV, and, for admins, the upload of
 * a new version from a file or pasted text, taking effect on a chosen day. A file the API refuses is refused here,
 * with the same message, and every bad line listed, as the API lists them.
 */
@WebPages
class RateCardPages {
    private final RateCardUploads uploads;
    private final RateCards rateCards;

    RateCardPages(RateCardUploads uploads, RateCards rateCards) {
        this.uploads = uploads;
        this.rateCards = rateCards;
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/rate-cards")
    String rateCards(Caller caller, Model model) {
        List<RateCardView> newestFirst = new ArrayList<>();
        Map<String, PriceTable> prices = new HashMap<>();
        for (RateCards.Version version : rateCards.versions(caller.accountId())) {
            RateCard card = version.card();
            newestFirst.add(0, RateCardView.of(version, card));
            prices.put(version.version(), PriceTable.of(card));
        }
        model.addAttribute("versions", newestFirst);
        model.addAttribute("prices", prices);
        return "rate-cards";
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/rate-cards/{version}.csv")
    ResponseEntity<String> download(@PathVariable String version, Caller caller) {
        RateCards.Version found = rateCards.find(caller.accountId(), version)
                .orElseThrow(() -> Refusal.notFound("rate card " + version));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + found.fileName() + "\"")
                .body(found.csv());
    }

    /**
     * Uploads a version: the file if one is chosen, else the pasted text; {@code effectiveFrom} is a day, from whose
     * start (UTC) the version prices sessions; empty means now (or always, for the first version).
     */
    @Allowed({Role.ADMIN})
    @PostMapping("/rate-cards")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String csv,
            @RequestParam(defaultValue = "") String effectiveFrom,
            @RequestParam(defaultValue = RateCardUploads.JANELA_FORMAT) String format, Caller caller, Model model)
            throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : csv;
        model.addAttribute("format", format);
        try {
            model.addAttribute("uploaded", uploads.upload(caller, text, instant(effectiveFrom), format));
        } catch (Refusal refusal) {
            refused(refusal, text, effectiveFrom, model);
        } catch (JanelaException refusal) {
            refused(ErrorTable.refusalOf(refusal), text, effectiveFrom, model);
        }
        return rateCards(caller, model);
    }

    /**
     * Shows the form again with what was wrong. Answered 200, as a form with mistakes is: the browser would report
     * an error status as a failure to load the page.
     */
    private static void refused(Refusal refusal, String csv, String effectiveFrom, Model model) {
        model.addAttribute("refusal", refusal);
        model.addAttribute("csv", csv);
        model.addAttribute("effectiveFrom", effectiveFrom);
    }

    /** The start of the day, as the API takes it; a day that cannot be read is passed on for the API to name. */
    private static String instant(String day) {
        if (day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip()).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException unreadable) {
            return day;
        }
    }
}
