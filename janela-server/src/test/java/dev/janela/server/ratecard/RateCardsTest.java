package dev.janela.server.ratecard;

import static dev.janela.server.testfixtures.TestServer.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.jdbc.Instants;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rate card versions: an upload refused saying what is wrong, and price books cached, yet a version another process
 * adds to the shared database prices the next decision.
 */
@JanelaServerTest
class RateCardsTest {
    private static final String CARD = "market,category,price,currency\nBR,business_initiated,%s,USD\n";

    @Autowired
    private TestServer server;
    @Autowired
    private JdbcClient jdbc;

    private Api api;

    @BeforeEach
    void newAccount() {
        api = server.newAccount();
    }

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

    @Test
    void anEmptyBody_isRefused_sayingSo_andWhatARateCardHolds() {
        Response empty = api.post("/api/rate-cards", "text/csv", "");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("message").asString()).isEqualTo("the rate card is empty; send its CSV: the"
                + " header market,category,price,currency, then one line a price, such as BR,marketing,0.0625,USD");
        assertThat(api.get("/api/rate-cards").json().path("rate_cards")).isEmpty();
    }

    @Test
    void everyBadLine_isNamed_withWhatIsWrong_andNothingIsImported() {
        api.uploadRates(CARD.formatted("0.0625"));

        Response refused = api.post("/api/rate-cards", "text/csv", "market,category,price,currency\n"
                + "BR,marketing,cheap,USD\nMX,marketing,0.05,USD\nXX,utility,-1,USD\nAR,service\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asString()).isEqualTo("rate card: 3 lines are invalid");
        assertThat(fields(refused)).containsExactly(
                "line 2: price: \"cheap\" is not a decimal such as 0.0625 (digits, a point, and up to 6 fractional"
                        + " digits)",
                "line 4: market: \"XX\" is not an ISO 3166-1 country code",
                "line 4: price: \"-1\" is negative; prices are never negative",
                "line 5: has 2 fields; expected 4 (market,category,price,currency)");
        assertThat(api.get("/api/rate-cards").json().path("rate_cards")).as("nothing imported").hasSize(1);
    }

    @Test
    void aFileOfBadLines_listsTheFirstFifty_andSaysHowManyThereAre() {
        Response refused = api.post("/api/rate-cards", "text/csv", "market,category,price,currency\n"
                + "BR,marketing,cheap,USD\n".repeat(57));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asString())
                .isEqualTo("rate card: 57 lines are invalid; the first 50 are listed");
        assertThat(fields(refused)).hasSize(50);
        assertThat(fields(refused).get(49)).startsWith("line 51: price:");
        assertThat(api.get("/api/rate-cards").json().path("rate_cards")).as("nothing imported").isEmpty();
    }

    private static List<String> fields(Response refusal) {
        return refusal.json().path("fields").valueStream()
                .map(field -> field.path("field").asString() + ": " + field.path("message").asString()).toList();
    }

    private String templatePrice(String channel) {
        return api.get("/api/channels/" + channel + "/conversations/5521987650401/window?category=marketing").json()
                .path("template_cost").path("amount").asString();
    }
}
