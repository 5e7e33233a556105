package dev.janela.bench.crash;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The run's figures, once everything has been checked: what was sent, answered, retried, stored and charged. */
final class Report {
    private static final Pattern META_CODE = Pattern.compile("\"code\"\\s*:\\s*([0-9]+)");

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void print(int kills, String took, TrafficPlan plan, ServerView view, int expectedCharges) {
        out.println("summary:");
        out.printf(Locale.ROOT, "  kills     %d, each by SIGKILL while traffic flowed; %s in all%n", kills, took);
        webhooks(plan);
        sends(plan);
        long inbound = view.messages().values().stream().flatMap(List::stream)
                .filter(ServerView.StoredMessage::isInbound).count();
        out.printf(Locale.ROOT, "  stored    %,d inbound and %,d outbound messages in %d conversations%n", inbound,
                view.messageCount() - inbound, view.messages().values().stream().filter(list -> !list.isEmpty())
                        .count());
        long reversals = view.ledger().stream().filter(ServerView.LedgerRow::isReversal).count();
        out.printf(Locale.ROOT, "  charges   %,d expected by the oracle, %,d found (%d reversals); %d windows"
                + " checked%n", expectedCharges, view.ledger().size() - reversals, reversals, view.windows().size());
    }

    private void webhooks(TrafficPlan plan) {
        List<WebhookDelivery> deliveries = plan.deliveries();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int attempts = 0;
        int unanswered = 0;
        int retried = 0;
        int acknowledged = 0;
        int messages = 0;
        for (WebhookDelivery delivery : deliveries) {
            delivery.statuses().forEach((status, count) -> statuses.merge(status, count, Integer::sum));
            attempts += delivery.attempts();
            unanswered += delivery.unansweredAttempts();
            messages += delivery.messages().size();
            acknowledged += delivery.isAcknowledged() ? 1 : 0;
            boolean failedOnce = delivery.unansweredAttempts() > 0
                    || delivery.statuses().keySet().stream().anyMatch(status -> status != 200);
            retried += failedOnce ? 1 : 0;
        }
        out.printf(Locale.ROOT, "  webhooks  %,d deliveries of %,d messages (%,d exact duplicates, %,d posted 2-3"
                + " times at once); %,d posts, answered %s, %,d unanswered; %,d acknowledged, %,d retried after a"
                + " failure%n", deliveries.size(), messages, plan.drawn(TrafficPlan.Draw.DUPLICATE_DELIVERY),
                plan.drawn(TrafficPlan.Draw.CONCURRENT_DELIVERY), attempts, statuses, unanswered, acknowledged,
                retried);
    }

    private void sends(TrafficPlan plan) {
        List<KeyedSend> sends = plan.sends();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int requests = 0;
        int unanswered = 0;
        int templates = 0;
        for (KeyedSend send : sends) {
            requests += send.requests();
            unanswered += send.unansweredRequests();
            templates += send.kind() == KeyedSend.Kind.TEMPLATE ? 1 : 0;
            send.responses().forEach(response -> statuses.merge(response.status(), 1, Integer::sum));
            outcomes.merge(send.firstFinal().map(Report::outcome).orElse("none"), 1, Integer::sum);
        }
        out.printf(Locale.ROOT, "  sends     %,d keys (%,d template, %,d free-form; %,d sent again later, %,d sent"
                + " 2-3 times at once); %,d requests, answered %s, %,d unanswered; final answers by key %s%n",
                sends.size(), templates, sends.size() - templates, plan.drawn(TrafficPlan.Draw.REPEATED_KEY),
                plan.drawn(TrafficPlan.Draw.CONCURRENT_KEY), requests, statuses, unanswered, outcomes);
    }

    private static String outcome(KeyedSend.Response response) {
        if (response.status() == 200) {
            return "200";
        }
        Matcher code = META_CODE.matcher(response.body());
        return response.status() + (code.find() ? " (" + code.group(1) + ")" : "");
    }
}
