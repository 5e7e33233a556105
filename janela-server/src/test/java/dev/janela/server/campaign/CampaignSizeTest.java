package dev.janela.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.campaign.RecipientList;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A campaign of the largest list it takes, 100,000 recipients, is imported and estimated in one request; one more is
 * refused.
 */
@JanelaServerTest
class CampaignSizeTest {
    @Autowired
    private TestServer server;

    @Test
    void theLargestList_isImportedAndEstimated_andALargerOneIsRefused() {
        Api api = server.anAccount().withApprovedTemplate("promo", "en", "marketing", "Hi {{1}}, code {{2}}.")
                .build();
        String csv = list(RecipientList.MAX_RECIPIENTS);

        long started = System.nanoTime();
        Response created = create(api, csv);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Response tooMany = create(api, csv + "5521900000000,a,b\n");

        System.out.printf("100,000 recipients imported and estimated in %d ms%n", millis);
        assertThat(created.status()).as("%s", created.body().substring(0, Math.min(500, created.body().length())))
                .isEqualTo(201);
        assertThat(created.json().path("counts").path("pending").asLong()).isEqualTo(RecipientList.MAX_RECIPIENTS);
        assertThat(created.json().path("estimate").path("totals").path("total").asString()).isEqualTo("6250.0000");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("message").asString()).contains("a campaign takes at most 100000");
    }

    private static String list(int size) {
        StringBuilder csv = new StringBuilder("recipient,1,2\n");
        for (int index = 0; index < size; index++) {
            csv.append("55219").append(80_000_000 + index).append(",Customer ").append(index).append(",C")
                    .append(index).append('\n');
        }
        return csv.toString();
    }

    private static Response create(Api api, String csv) {
        return api.post("/api/campaigns?name=Big&channel=" + api.channel() + "&template=promo&language=en",
                "text/csv", csv);
    }
}
