package dev.janela.bench.crash;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger and the windows against the {@link SessionOracle}, which rates each conversation's stored messages
 * again: one charge for each session start and none else, each at its event's time, category and price; a reversal
 * only for a send that failed (the sandbox fails none); and each window, and its session, as the rules leave them.
 */
final class LedgerAudit {
    private final ServerView view;
    private final Map<String, BigDecimal> prices;
    private final String market;
    private final Violations violations;

    /**
     * @param prices the rate card's price of each session type in {@code market}, the channel's country
     */
    LedgerAudit(ServerView view, Map<String, BigDecimal> prices, String market, Violations violations) {
        this.view = view;
        this.prices = Map.copyOf(prices);
        this.market = market;
        this.violations = violations;
    }

    /** Rates every conversation again and compares; returns how many charges the oracle expects. */
    int run() {
        Map<String, SessionOracle.Charge> charges = new HashMap<>();
        Map<String, String> customers = new HashMap<>();
        view.messages().forEach((waId, messages) -> {
            SessionOracle oracle = new SessionOracle();
            for (ServerView.StoredMessage message : messages) {
                if (message.state().equals("failed")) {
                    violations.add("send reported failed (the sandbox fails none)", message.wamid() + " to " + waId);
                }
                oracle.apply(new SessionOracle.Event(message.wamid(), message.at(), kind(message)));
            }
            oracle.charges().forEach(charge -> {
                charges.put(charge.eventId(), charge);
                customers.put(charge.eventId(), waId);
            });
            oracle.sentOutsideWindow().forEach(event -> violations.add("free-form message stored outside the window",
                    event.id() + " to " + waId + " at " + event.at()));
            window(waId, oracle);
        });
        compare(charges, customers);
        return charges.size();
    }

    private static SessionOracle.Kind kind(ServerView.StoredMessage message) {
        if (message.isInbound()) {
            return SessionOracle.Kind.CUSTOMER;
        }
        return message.type().equals("template") ? SessionOracle.Kind.TEMPLATE : SessionOracle.Kind.FREE_FORM;
    }

    private void compare(Map<String, SessionOracle.Charge> charges, Map<String, String> customers) {
        Map<String, List<ServerView.LedgerRow>> found = new HashMap<>();
        for (ServerView.LedgerRow row : view.ledger()) {
            if (row.isReversal()) {
                violations.add("reversal of a send that did not fail", row.cause());
            } else {
                found.computeIfAbsent(row.eventId(), any -> new ArrayList<>()).add(row);
            }
        }
        charges.forEach((eventId, charge) -> {
            List<ServerView.LedgerRow> rows = found.getOrDefault(eventId, List.of());
            if (rows.size() != 1) {
                violations.add(rows.isEmpty() ? "charge missing" : "charged more than once", eventId + " ("
                        + charge.category() + " of " + customers.get(eventId) + " at " + charge.at() + "): "
                        + rows.size() + " rows");
                return;
            }
            ServerView.LedgerRow row = rows.get(0);
            BigDecimal price = prices.get(charge.category());
            if (!row.category().equals(charge.category()) || !row.at().equals(charge.at())
                    || row.amount().compareTo(price) != 0 || !row.market().equals(market)
                    || !row.customer().equals("+" + customers.get(eventId))) {
                violations.add("charge differs from the rules'", eventId + ": " + row.category() + " " + row.amount()
                        + " " + row.market() + " of " + row.customer() + " at " + row.at() + "; expected "
                        + charge.category() + " " + price + " " + market + " of +" + customers.get(eventId) + " at "
                        + charge.at());
            }
        });
        found.forEach((eventId, rows) -> {
            if (!charges.containsKey(eventId)) {
                violations.add("charge the rules do not give", eventId + " (" + rows.get(0).category() + " of "
                        + rows.get(0).customer() + " at " + rows.get(0).at() + "): " + rows.size() + " rows");
            }
        });
    }

    private void window(String waId, SessionOracle oracle) {
        ServerView.Window window = view.windows().get(waId);
        boolean open = oracle.isOpenAt(window.at());
        if (!window.expiresAt().equals(oracle.expiry()) || window.open() != open) {
            violations.add("window differs from the rules'", waId + ": " + (window.open() ? "open" : "closed")
                    + " until " + window.expiresAt().orElse(null) + " at " + window.at() + "; expected "
                    + (open ? "open" : "closed") + " until " + oracle.expiry().orElse(null));
        }
        Optional<String> shown = window.session().map(session -> session.type() + " " + session.status() + " opened"
                + " by " + session.openedBy() + " at " + session.openedAt());
        Optional<String> expectedSession = oracle.sessionAt(window.at()).map(session -> session.type() + " "
                + session.status().name().toLowerCase(Locale.ROOT) + " opened by " + session.openedBy() + " at "
                + session.openedAt());
        if (!shown.equals(expectedSession)) {
            violations.add("session differs from the rules'", waId + ": " + shown.orElse("none") + " at "
                    + window.at() + "; expected " + expectedSession.orElse("none"));
        }
    }
}
