package dev.janela.server.ratecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.jdbc.Instants;
import dev.janela.server.testing.ServerTest;
import org.junit.jupiter.api.Test;

/** Price books are cached, yet a version another process adds to the shared database prices the next decision. */
class RateCardsTest extends ServerTest {
    private static final String CARD = "market,category,price,currency\nBR,business_initiated,%s,USD\n";

    @Test
    void aVersionAddedByAnotherProcess_isUsedAtOnce() {
        api.uploadRates(CARD.formatted("0.0625"));
        String channel = api.addChannel();
        assertThat(templatePrice(channel)).isEqualTo("0.0625");

        jdbc.sql("insert into rate_cards (account_id, version, effective_from, currency, csv, created_at)"
                + " values (:account, 'v2', :from, 'USD', :csv, :from)").param("account", api.accountId())
                .param("from", Instants.param(START.minusSeconds(1))).param("csv", CARD.formatted("0.0700"))
                .update();

        assertThat(templatePrice(channel)).isEqualTo("0.0700");
    }

    private String templatePrice(String channel) {
        return api.get("/api/channels/" + channel + "/conversations/5521987650401/window?category=marketing").json()
                .path("template_cost").path("amount").asString();
    }
}
