package dev.janela.server.report;

import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.status;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestConnector;
import dev.janela.server.testfixtures.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Cost reports add up to the ledger, however they are grouped; the activity report counts what happened. */
@JanelaServerTest
class ReportsTest {
    private static final String RATES = """
            market,category,price,currency
            BR,user_initiated,0.0068,USD
            BR,business_initiated,0.0625,USD
            MX,user_initiated,0.0085,USD
            MX,business_initiated,0.0305,USD
            """;
    private static final String PERIOD = "from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private TestConnector connector;

    private Api api;
    private int refusals;

    /** Two days of traffic on a Brazilian and a Mexican channel, with a failed template and refused sends. */
    @BeforeEach
    void twoDaysOfTraffic() {
        api = server.newAccount();
        api.uploadRates(RATES);
        api.approvedTemplate("welcome", "en", "marketing", "Welcome!");
        String brazil = api.addChannel();
        String mexico = "pn-" + api.accountId() + "-mx";
        api.post("/api/channels", Map.of("phone_number_id", mexico, "number", "+5511987654321", "country", "MX"));
        for (int day = 0; day < 2; day++) {
            Instant at = START.plus(Duration.ofDays(day));
            clock.set(at);
            for (int i = 0; i < 3; i++) {
                String customer = "55219876507" + day + i;
                api.webhook(payload(i == 0 ? mexico : brazil, List.of(text("wamid.d" + day + "c" + i, customer, at,
                        "Oi")), List.of()));
                api.sendTemplate(brazil, "55219876508" + day + i, "welcome", "en");
                if (api.sendText(mexico, "55219876509" + day + i, "Hello?").status() == 400) {
                    refusals++;
                }
            }
        }
        connector.holdReports();
        String failed = api.sendTemplate(brazil, "5521987650999", "welcome", "en").json().path("messages").path(0)
                .path("id").asString();
        api.webhook(payload(brazil, List.of(), List.of(status(failed, "failed", clock.instant(), "5521987650999"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "day", "month", "market", "category", "channel", "day,market", "channel,category,day"})
    void everyGrouping_addsUpToTheLedger(String groupBy) {
        JsonNode report = api.get("/api/reports/costs?" + PERIOD + "&groupBy=" + groupBy).json();

        Map<String, BigDecimal> expected = new TreeMap<>();
        Map<String, Integer> charges = new TreeMap<>();
        for (JsonNode charge : ledger()) {
            String key = key(groupBy, charge);
            expected.merge(key, new BigDecimal(charge.path("amount").asString()), BigDecimal::add);
            if (charge.path("cause").asString().endsWith(":charge")) {
                charges.merge(key, 1, Integer::sum);
            }
        }
        Map<String, BigDecimal> reported = new TreeMap<>();
        Map<String, Integer> reportedCharges = new TreeMap<>();
        for (JsonNode group : report.path("groups")) {
            String key = key(groupBy, group);
            reported.put(key, new BigDecimal(group.path("total").asString()));
            reportedCharges.put(key, group.path("charges").asInt());
            assertThat(group.path("sessions").asInt()).as("a session per charge, in the session model: %s", group)
                    .isEqualTo(group.path("charges").asInt());
        }
        assertThat(reported).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected);
        assertThat(reportedCharges).isEqualTo(charges);
        assertThat(new BigDecimal(report.path("totals").path("total").asString()))
                .isEqualByComparingTo(expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(report.path("totals").path("reversals").asInt()).isEqualTo(1);
    }

    @Test
    void theCsv_holdsTheSameGroups() {
        JsonNode json = api.get("/api/reports/costs?" + PERIOD + "&groupBy=day,market").json();

        List<String> csv = api.get("/api/reports/costs?" + PERIOD + "&groupBy=day,market", "text/csv").body()
                .lines().toList();

        assertThat(csv.get(0)).isEqualTo("day,market,total,currency,charges,reversals,sessions");
        List<String> fromJson = new ArrayList<>();
        for (JsonNode group : json.path("groups")) {
            fromJson.add(String.join(",", group.path("day").asString(), group.path("market").asString(),
                    group.path("total").asString(), group.path("currency").asString(),
                    group.path("charges").asString(), group.path("reversals").asString(),
                    group.path("sessions").asString()));
        }
        assertThat(csv.subList(1, csv.size())).containsExactlyElementsOf(fromJson);
    }

    @Test
    void activity_countsSessionsByTypeAndRefusedSends_dayByDay() {
        JsonNode days = api.get("/api/reports/activity?" + PERIOD).json().path("days");

        assertThat(days.valueStream().map(day -> day.path("day").asString()).toList())
                .containsExactly("2026-03-02", "2026-03-03");
        assertThat(days.valueStream().mapToLong(day -> day.path("user_initiated").asLong()).sum()).isEqualTo(6);
        assertThat(days.valueStream().mapToLong(day -> day.path("business_initiated").asLong()).sum()).isEqualTo(7);
        assertThat(days.valueStream().mapToLong(day -> day.path("refused").asLong()).sum()).isEqualTo(refusals)
                .isEqualTo(6);
    }

    @Test
    void withoutAPeriod_theReportIsOfThisMonthSoFar() {
        clock.set(Instant.parse("2026-03-20T12:00:00Z"));

        JsonNode report = api.get("/api/reports/costs").json();

        assertThat(report.path("from").asString()).isEqualTo("2026-03-01T00:00:00.000000Z");
        assertThat(report.path("to").asString()).isEqualTo("2026-03-20T12:00:00.000000Z");
        assertThat(report.path("totals").path("charges").asInt()).isEqualTo(ledger().stream()
                .filter(charge -> charge.path("cause").asString().endsWith(":charge")).count());
    }

    @Test
    void aReportThatCannotBeRead_isRefusedByName() {
        Response badGroup = api.get("/api/reports/costs?groupBy=day,week");
        Response twice = api.get("/api/reports/costs?groupBy=day,day");
        Response backwards = api.get("/api/reports/costs?from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z");

        assertThat(badGroup.status()).isEqualTo(400);
        assertThat(badGroup.json().path("fields").path(0).path("field").asString()).isEqualTo("groupBy");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(backwards.json().path("fields").path(0).path("field").asString()).isEqualTo("to");
    }

    private List<JsonNode> ledger() {
        return api.get("/api/charges?limit=1000").json().path("charges").valueStream().toList();
    }

    /** The group a ledger row or a report group falls in, computed by the test from the row's own fields. */
    private static String key(String groupBy, JsonNode row) {
        if (groupBy.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String dimension : groupBy.split(",")) {
            parts.add(switch (dimension) {
                case "day" -> row.has("day") ? row.path("day").asString()
                        : Instant.parse(row.path("at").asString()).atOffset(ZoneOffset.UTC).toLocalDate().toString();
                case "month" -> row.has("month") ? row.path("month").asString()
                        : row.path("at").asString().substring(0, 7);
                default -> row.path(dimension).asString();
            });
        }
        return String.join("|", parts);
    }
}
