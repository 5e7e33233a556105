package dev.janela.server.ledger;

import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.status;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestConnector;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ledger's CSV: text from outside Janela as text a spreadsheet never runs, Janela's own values as they are, and
 * times as the JSON's, every one to the microsecond.
 */
@JanelaServerTest
class ChargesCsvTest {
    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String CUSTOMER = "5521987650401";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;
    @Autowired
    private TestConnector connector;

    @Test
    void aMessageIdWrittenAsAFormula_isNeutralised_andTheCustomerAndAmountAreNot() {
        Api api = server.anAccount().build();

        api.webhook(payload(api.channel(), List.of(text(FORMULA, CUSTOMER, clock.instant(), "Oi")), List.of()));

        List<String> csv = api.get("/api/charges", "text/csv").body().lines().toList();
        String neutralised = "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
        String cause = "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\"):charge\"";
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1)).endsWith("," + neutralised + ",2026-03-02T09:00:00.000000Z," + api.channel()
                + ",+" + CUSTOMER + ",BR,user_initiated,0.0068,USD,v1," + cause);
    }

    @Test
    void aChargeAtAWholeSecond_andOneWithAFraction_haveOnePrecision_inJsonAndCsv() {
        Api api = server.anAccount().withApprovedTemplate("welcome", "en", "marketing", "Welcome!").build();
        api.webhook(payload(api.channel(), List.of(text("wamid.c1", CUSTOMER, clock.instant(), "Oi")), List.of()));
        clock.set(TestServer.START.plus(Duration.ofHours(1)).plus(619_499, ChronoUnit.MICROS));
        api.sendTemplate(api.channel(), "5521987650402", "welcome", "en");

        List<String> json = api.get("/api/charges").json().path("charges").valueStream()
                .map(charge -> charge.path("at").asString()).toList();
        List<String> csv = api.get("/api/charges", "text/csv").body().lines().skip(1)
                .map(line -> line.split(",")[2]).toList();

        assertThat(json).containsExactly("2026-03-02T09:00:00.000000Z", "2026-03-02T10:00:00.619499Z");
        assertThat(csv).isEqualTo(json);
    }

    @Test
    void aReversal_keepsItsMinusSign() {
        Api api = server.anAccount().withApprovedTemplate("welcome", "en", "marketing", "Welcome!").build();
        connector.holdReports();
        String wamid = api.sendTemplate(api.channel(), CUSTOMER, "welcome", "en").json().path("messages").path(0)
                .path("id").asString();

        api.webhook(payload(api.channel(), List.of(), List.of(status(wamid, "failed", clock.instant(), CUSTOMER))));

        List<String> csv = api.get("/api/charges", "text/csv").body().lines().toList();
        assertThat(csv).hasSize(3);
        assertThat(csv.get(2)).contains(",+" + CUSTOMER + ",BR,business_initiated,-0.0625,USD,v1," + wamid
                + ":reversal");
    }
}
