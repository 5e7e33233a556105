package dev.janela.server.ledger;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.jdbc.Cursor;
import dev.janela.server.refusal.Fields;
import dev.janela.server.web.Allowed;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

    private final Charges charges;

    ChargeController(Charges charges) {
        this.charges = charges;
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping(path = "/api/charges", produces = "application/json")
    ChargePage json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String market,
            @RequestParam(required = false) String category, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, Caller caller) {
        Charges.Selection selection = charges.select(caller.accountId(), new Charges.Asked(from, to, channel, market,
                category));
        int size = Fields.limit(limit, DEFAULT_LIMIT, Charges.MAX_PAGE);
        return ChargePage.of(charges.page(selection, Cursor.decode(cursor), size));
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping(path = "/api/charges", produces = "text/csv")
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String market,
            @RequestParam(required = false) String category, Caller caller, HttpServletResponse response)
            throws IOException {
        Charges.Selection selection = charges.select(caller.accountId(), new Charges.Asked(from, to, channel, market,
                category));
        response.setContentType(ChargeCsv.CONTENT_TYPE);
        response.setHeader("Content-Disposition", ChargeCsv.DISPOSITION);
        ChargeCsv.write(response.getWriter(), charges, selection);
    }
}
