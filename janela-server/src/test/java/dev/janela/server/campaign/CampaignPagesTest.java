package dev.janela.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.FormClient;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The campaign pages over HTTP: an admin uploads a list (refused with every bad line shown, or made a draft), reads
 * its estimate and skips, and moves it with the buttons its state allows; an agent reads, and changes nothing.
 */
@JanelaServerTest
class CampaignPagesTest {
    private static final String PASSWORD = "campaign pages password";

    @Autowired
    private TestServer server;
    @Autowired
    private CampaignRunner runner;

    private Api api;
    private FormClient admin;

    @BeforeEach
    void anAdminSignedIn() {
        api = server.anAccount().withApprovedTemplate("promo", "en", "marketing", "Hi {{1}}, code {{2}}.").build();
        String email = "admin." + UUID.randomUUID() + "@example.com";
        api.addUser(email, "admin", PASSWORD);
        admin = new FormClient(api.base());
        admin.signIn(email, PASSWORD);
    }

    @Test
    void aStartedCampaignsProgress_isShownAndRefreshedUntilItEnds_andItsReportDownloads() {
        Response created = upload("recipient,1,2\n5521987650811,Ana,A1\n5521987650812,Bia,B2\n12ab,Caio,C3\n");
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/campaigns/"));
        String id = path.substring("/campaigns/".length());
        admin.post(path, path + "/start", Map.of());

        runner.pass();
        String sending = admin.get(path + "/progress").body();
        runner.pass();
        String finished = admin.get(path).body();
        Response report = admin.get(path + "/report.csv");
        JsonNode progress = api.get("/api/campaigns/" + id).json().path("progress");
        Response apiReport = api.get("/api/campaigns/" + id + "/report", "text/csv");

        assertThat(sending).contains("hx-trigger=\"every 3s\"", "data-count=\"read\">2<", "invalid number: 1",
                "3 of 3 recipients done");
        assertThat(finished).contains("The campaign finished", "$0.125 charged so far, of $0.125 estimated",
                "report.csv").doesNotContain("every 3s");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().lines().toList()).hasSize(4).element(3).asString()
                .startsWith("4,12ab,skipped,\"invalid: ");
        assertThat(progress.path("read").asInt()).isEqualTo(2);
        assertThat(progress.path("skipped").path("invalid").asInt()).isEqualTo(1);
        assertThat(progress.path("charged").asString()).isEqualTo("0.1250");
        assertThat(apiReport.body()).isEqualTo(report.body());
    }

    @Test
    void theForm_showsEachTemplatesColumns_andASampleToFillIn() {
        String page = admin.get("/campaigns").body();
        Response sample = admin.get("/campaigns/sample.csv?template=promo:en");

        assertThat(page).contains("<code>recipient,1,2</code>", "/campaigns/sample.csv?template=promo:en",
                "New campaign", ">Campaigns</a>");
        assertThat(sample.status()).isEqualTo(200);
        assertThat(sample.body()).startsWith("recipient,1,2\n+5521987654321,value of 1,value of 2\n");
    }

    @Test
    void aFileWithBadLines_isRefusedListingEveryOne_andNothingIsStored() {
        Response refused = upload("recipient,1,2\n5521987650801,Ana\n5521987650802,,x\n");

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("recipients: 2 lines are invalid", "line 2: has 2 fields",
                "line 3: 1: is empty").contains("value=\"Spring sale\"");
        assertThat(api.get("/api/campaigns").json().path("campaigns").size()).isZero();
    }

    @Test
    void aGoodFile_makesADraft_whosePageShowsItsEstimateAndSkips_andItsButtonsMoveIt() {
        Response created = upload("recipient,1,2\n5521987650801,Ana,A1\n12ab,Bia,B2\n5521987650801,Ana,A3\n");
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/campaigns/"));

        String draft = admin.get(path).body();
        Response started = admin.post(path, path + "/start", Map.of());
        String running = admin.get(path).body();
        String portuguese = admin.get(path + "?lang=pt-BR").body();

        assertThat(created.status()).isEqualTo(302);
        assertThat(draft).contains("$0.0625 for 1 recipient: 1 charged, 0 free", "Invalid numbers: 1",
                "line 3: 12ab", "Repeated recipients: 1", "line 4: 5521987650801 (of line 2)", "Start now",
                "Delete draft").doesNotContain(">Pause<");
        assertThat(started.status()).isEqualTo(302);
        assertThat(running).contains(">running<", ">Pause<", ">Cancel campaign<").doesNotContain("Start now");
        assertThat(portuguese).contains(">em envio<", ">Pausar<", "Destinatários: 3", ">Campanhas</a>");
    }

    @Test
    void aChangeTheStateDoesNotAllow_isShownOnThePage() {
        String path = "/campaigns/" + api.post("/api/campaigns?name=x&channel=" + api.channel()
                + "&template=promo&language=en", "text/csv", "recipient,1,2\n5521987650801,a,b\n").json().path("id")
                .asLong();

        Response refused = admin.post(path, path + "/pause", Map.of());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("is draft and cannot be paused");
    }

    @Test
    void anAgent_readsCampaigns_withoutTheFormOrButtons_andCannotChangeThem() {
        long id = api.post("/api/campaigns?name=Agents%20see&channel=" + api.channel()
                + "&template=promo&language=en", "text/csv", "recipient,1,2\n5521987650801,a,b\n").json()
                .path("id").asLong();
        String email = "agent." + UUID.randomUUID() + "@example.com";
        api.addUser(email, "agent", PASSWORD);
        FormClient agent = new FormClient(api.base());
        agent.signIn(email, PASSWORD);

        String list = agent.get("/campaigns").body();
        String campaign = agent.get("/campaigns/" + id).body();
        Response start = agent.post("/campaigns/" + id, "/campaigns/" + id + "/start", Map.of());

        assertThat(list).contains("Agents see").doesNotContain("New campaign");
        assertThat(campaign).contains("Estimate").doesNotContain("Start now");
        assertThat(start.status()).isEqualTo(403);
        assertThat(api.get("/api/campaigns/" + id).json().path("state").asString()).isEqualTo("draft");
    }

    private Response upload(String csv) {
        return admin.postFile("/campaigns", "/campaigns", Map.of("name", "Spring sale", "phoneNumberId",
                api.channel(), "template", "promo:en"), "file", "list.csv", csv);
    }
}
