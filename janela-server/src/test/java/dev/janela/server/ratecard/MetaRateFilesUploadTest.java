package dev.janela.server.ratecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Meta's own rate files, uploaded as Meta publishes them: stored in Janela's format, or refused whole. */
@JanelaServerTest
class MetaRateFilesUploadTest {
    private static final String PRICING = """
            WhatsApp Business Platform pricing,,,,,,
            Rates effective October 1, 2026,,,,,,
            Market,Currency,Marketing,Utility,Authentication,"Authentication-
            International",Service
            Brazil,$US,0.0625,0.0068,0.0068,n/a,0.0068
            Other,$US,0.0604,0.0077,0.0077,n/a,0.0077
            """;
    private static final String TIERS = """
            WhatsApp Business Platform volume tiers,,,,,,
            ,,Utility,,,,
            "Market
            (per rate card)",Currency,From,To,Rate type,Rate,vs. List rate
            Brazil,$US,1,"250,000",List rate,0.0068,0%
            ,$US,"250,000",--,Tier rate,0.0064,-5%
            """;

    @Autowired
    private TestServer server;

    private Api api;

    @BeforeEach
    void newAccount() {
        api = server.newAccount();
    }

    @Test
    void metasRateCardFile_isStoredAsAVersionInJanelasFormat() {
        var uploaded = api.post("/api/rate-cards?format=meta&effective_from=2000-01-01T00:00:00Z", "text/csv",
                PRICING);

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().path("currency").asString()).isEqualTo("USD");
        assertThat(api.get("/api/rate-cards/v1", "text/csv").body()).startsWith("market,category,price,currency\n")
                .contains("BR,service,0.0068,USD\n", "*,utility,0.0077,USD\n");
    }

    @Test
    void aLineMetaNeverWrote_refusesTheWholeFile_namingTheLine() {
        var refused = api.post("/api/rate-cards?format=meta", "text/csv", PRICING + "Atlantis,$US,1,1,1,1,1\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("line 7").contains("Atlantis");
        assertThat(api.get("/api/rate-cards").json().path("rate_cards")).isEmpty();
    }

    @Test
    void metasVolumeTiersFile_isNotARateCard_butIsThePlansTiers() {
        var refused = api.post("/api/rate-cards?format=meta", "text/csv", TIERS);
        var planned = api.put("/api/pricing-plan", Map.of("periods", List.of(Map.of("from", "2026-03-01",
                "model", "pmp-2026")), "volume_tiers", TIERS));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("volume_tiers");
        assertThat(planned.status()).isEqualTo(200);
        assertThat(api.get("/api/pricing-plan").json().path("volume_tiers").asString())
                .isEqualTo("market,category,from,to,price\nBR,utility,1,250000,0.0068\nBR,utility,250001,,0.0064\n");
    }

    @Test
    void anUnknownFormat_isRefused() {
        var refused = api.post("/api/rate-cards?format=excel", "text/csv", PRICING);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("format");
    }
}
