package dev.janela.server.ledger;

import dev.janela.server.account.Role;
import dev.janela.server.ui.Period;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Billing page's table of charges, filtered and paged as {@code /api/charges} is, and its CSV: the browser has a
 * session rather than a bearer token, so the page serves the API's answers at its own addresses. The channel filter
 * is {@code phoneNumberId}: {@code channel} would switch the channel the user works on.
 */
@WebPages
class ChargePages {
    private static final int PAGE = 50;

    private final ChargeController charges;
    private final Clock clock;

    ChargePages(ChargeController charges, Clock clock) {
        this.charges = charges;
        this.clock = clock;
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/billing/charges")
    String table(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String phoneNumberId, @RequestParam(required = false) String market,
            @RequestParam(required = false) String category, @RequestParam(required = false) String cursor,
            HttpServletRequest request, Model model) {
        Period period = Period.of(from, to, clock);
        model.addAttribute("page", charges.json(period.start(), period.end(), blankless(phoneNumberId),
                blankless(market), blankless(category), cursor, PAGE, request));
        return "billing :: charges";
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/billing/charges.csv")
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String phoneNumberId, @RequestParam(required = false) String market,
            @RequestParam(required = false) String category, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Period period = Period.of(from, to, clock);
        charges.csv(period.start(), period.end(), blankless(phoneNumberId), blankless(market), blankless(category),
                request, response);
    }

    /** A filter the form left empty is no filter. */
    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
