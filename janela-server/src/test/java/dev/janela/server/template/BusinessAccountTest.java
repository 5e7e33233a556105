package dev.janela.server.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.AllAtOnce;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A WhatsApp Business Account belongs to one account, also when two accounts claim it at once. */
@JanelaServerTest
class BusinessAccountTest {
    @Autowired
    private TestServer server;

    @Test
    void aWabaAnotherAccountHas_isRefused409_andStaysTheirs() {
        Api first = server.newAccount();
        Api second = server.newAccount();
        Api.expect(first.put("/api/whatsapp-business-account", Map.of("waba_id", first.wabaId())), 200);

        Response refused = second.put("/api/whatsapp-business-account", Map.of("waba_id", first.wabaId()));

        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.json().path("message").asString()).contains("belongs to another Janela account");
        assertThat(second.get("/api/whatsapp-business-account").json().path("waba_id").isNull()).isTrue();
        assertThat(first.get("/api/whatsapp-business-account").json().path("waba_id").asString())
                .isEqualTo(first.wabaId());
    }

    @Test
    void settingTheAccountsOwnWabaAgain_isFine_andAnotherReplacesIt() {
        Api api = server.newAccount();
        Api.expect(api.put("/api/whatsapp-business-account", Map.of("waba_id", api.wabaId())), 200);

        Response again = api.put("/api/whatsapp-business-account", Map.of("waba_id", api.wabaId()));
        Response other = api.put("/api/whatsapp-business-account", Map.of("waba_id", "8" + api.accountId()));

        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(other.status()).as("%s", other).isEqualTo(200);
        assertThat(api.get("/api/whatsapp-business-account").json().path("waba_id").asString())
                .isEqualTo("8" + api.accountId());
    }

    @Test
    void aWabaThatIsNotDigits_isRefused400() {
        Api api = server.newAccount();

        Response refused = api.put("/api/whatsapp-business-account", Map.of("waba_id", "waba-1"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("fields").path(0).path("field").asString()).isEqualTo("waba_id");
    }

    /** Repeated, since two claims meet in the database's unique index only when they race closely. */
    @RepeatedTest(10)
    void accountsClaimingOneWabaAtOnce_oneGetsIt_theOthersAre409() throws Exception {
        List<Api> claimants = List.of(server.newAccount(), server.newAccount(), server.newAccount(),
                server.newAccount());
        String waba = "9" + claimants.get(0).accountId();
        List<Callable<Response>> claims = claimants.stream().<Callable<Response>>map(api ->
                () -> api.put("/api/whatsapp-business-account", Map.of("waba_id", waba))).toList();

        List<Response> answers = AllAtOnce.run(claims);

        assertThat(answers).extracting(Response::status).containsOnly(200, 409);
        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() == 409).allSatisfy(answer ->
                assertThat(answer.json().path("message").asString()).contains("belongs to another Janela account"));
        assertThat(claimants).filteredOn(api -> waba.equals(api.get("/api/whatsapp-business-account").json()
                .path("waba_id").asString())).hasSize(1);
    }
}
