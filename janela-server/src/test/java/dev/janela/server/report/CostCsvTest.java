package dev.janela.server.report;

import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The cost report's CSV shows a group's channel or market as text a spreadsheet never runs. */
@JanelaServerTest
class CostCsvTest {
    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;

    @Test
    void aChannelIdThatReadsAsAFormula_isNeutralised_andTheTotalIsNot() {
        Api api = server.anAccount().withoutChannel().build();
        String channel = "-" + api.accountId() + "-1";
        Api.expect(api.post("/api/channels", Map.of("phone_number_id", channel, "number", "+55 11 98765-4321")), 201);
        api.webhook(payload(channel, List.of(text("wamid.c1", "5521987650402", clock.instant(), "Oi")), List.of()));

        List<String> csv = api.get("/api/reports/costs?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z"
                + "&groupBy=channel", "text/csv").body().lines().toList();

        assertThat(csv).containsExactly("channel,total,currency,charges,reversals,sessions",
                "'" + channel + ",0.0068,USD,1,0,1");
    }
}
