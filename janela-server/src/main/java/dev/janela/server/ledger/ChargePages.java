package dev.janela.server.ledger;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.jdbc.Cursor;
import dev.janela.server.ui.Period;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Billing page's table of charges, filtered and paged as {@code /api/charges} is, and its CSV: the browser has a
 * session rather than a bearer token, so the page serves the same reads at its own addresses. The channel filter is
 * {@code phoneNumberId}: {@code channel} would switch the channel the user works on.
 */
@WebPages
class ChargePages {
    private static final int PAGE = 50;

    private final Charges charges;
    private final Clock clock;

    ChargePages(Charges charges, Clock clock) {
        this.charges = charges;
        this.clock = clock;
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/billing/charges")
    String table(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String phoneNumberId, @RequestParam(required = false) String market,
            @RequestParam(required = false) String category, @RequestParam(required = false) String cursor,
            Caller caller, Model model) {
        Charges.Selection selection = charges.select(caller.accountId(), asked(from, to, phoneNumberId, market,
                category));
        model.addAttribute("page", ChargePage.of(charges.page(selection, Cursor.decode(cursor), PAGE)));
        return "billing :: charges";
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/billing/charges.csv")
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String phoneNumberId, @RequestParam(required = false) String market,
            @RequestParam(required = false) String category, Caller caller, HttpServletResponse response)
            throws IOException {
        Charges.Selection selection = charges.select(caller.accountId(), asked(from, to, phoneNumberId, market,
                category));
        response.setContentType(ChargeCsv.CONTENT_TYPE);
        response.setHeader("Content-Disposition", ChargeCsv.DISPOSITION);
        ChargeCsv.write(response.getWriter(), charges, selection);
    }

    /** The form's filters, over its period; a filter the form left empty is no filter. */
    private Charges.Asked asked(String from, String to, String phoneNumberId, String market, String category) {
        Period period = Period.of(from, to, clock);
        return new Charges.Asked(period.start(), period.end(), blankless(phoneNumberId), blankless(market),
                blankless(category));
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
