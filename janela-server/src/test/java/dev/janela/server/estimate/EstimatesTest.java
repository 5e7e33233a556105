package dev.janela.server.estimate;

import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An estimate prices each recipient as sending would, and sending afterwards charges exactly that. */
@JanelaServerTest
class EstimatesTest {
    private static final String OPEN = "5521987650801";
    private static final String CLOSED = "5521987650802";
    private static final String PENDING = "5521987650803";
    private static final String NEW = "5521987650804";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;

    private Api api;
    private String channel;

    /** One customer in each state: window open, window closed, a template awaiting reply, never seen. */
    @BeforeEach
    void customersInEveryState() {
        api = server.anAccount()
                .withApprovedTemplate("promo", "en", "marketing", "Our sale starts today!").build();
        channel = api.channel();
        customerWrites(CLOSED, START);
        Instant now = START.plus(Duration.ofHours(30));
        clock.set(now);
        customerWrites(OPEN, now.minus(Duration.ofHours(1)));
        api.sendTemplate(channel, PENDING, "promo", "en");
    }

    @Test
    void eachRecipient_isPricedAsItsWindowSays_andInvalidOrRepeatedNumbersAreListed() {
        JsonNode estimate = estimate(List.of(OPEN, "+" + CLOSED, PENDING, NEW, "12ab", OPEN));

        Map<String, String> amounts = amounts(estimate);
        assertThat(amounts).containsEntry(OPEN, "0.0000").containsEntry(CLOSED, "0.0625")
                .containsEntry(PENDING, "0.0625").containsEntry(NEW, "0.0625").hasSize(4);
        assertThat(estimate.path("recipients").path(0).path("window_open").asBoolean()).isTrue();
        assertThat(estimate.path("invalid").path(0).path("position").asInt()).isEqualTo(5);
        assertThat(estimate.path("duplicates").asInt()).isEqualTo(1);
        assertThat(estimate.path("totals").path("charged").asInt()).isEqualTo(3);
        assertThat(estimate.path("totals").path("free").asInt()).isEqualTo(1);
        assertThat(estimate.path("totals").path("total").asString()).isEqualTo("0.1875");
        assertThat(estimate.path("by_market").path(0).path("market").asString()).isEqualTo("BR");
        assertThat(estimate.path("by_market").path(0).path("total").asString()).isEqualTo("0.1875");
    }

    @Test
    void sendingAfterwards_chargesWhatWasEstimated() {
        List<String> recipients = List.of(OPEN, CLOSED, PENDING, NEW);
        JsonNode estimate = estimate(recipients);
        int before = ledger().size();

        for (String recipient : recipients) {
            assertThat(api.sendTemplate(channel, recipient, "promo", "en").status()).isEqualTo(200);
        }

        Map<String, BigDecimal> charged = new HashMap<>();
        for (JsonNode charge : ledger().subList(before, ledger().size())) {
            charged.merge(charge.path("customer").asString().substring(1),
                    new BigDecimal(charge.path("amount").asString()), BigDecimal::add);
        }
        for (Map.Entry<String, String> estimated : amounts(estimate).entrySet()) {
            assertThat(charged.getOrDefault(estimated.getKey(), BigDecimal.ZERO)).as(estimated.getKey())
                    .isEqualByComparingTo(estimated.getValue());
        }
        assertThat(charged.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(estimate.path("totals").path("total").asString());
    }

    @Test
    void aCsvList_isEstimatedLikeJson() {
        Response csv = api.post("/api/estimates?channel=" + channel + "&template=promo&language=en", "text/csv",
                "wa_id\n" + OPEN + "\n" + CLOSED + "\n\n" + NEW + "\n");

        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(amounts(csv.json())).isEqualTo(amounts(estimate(List.of(OPEN, CLOSED, NEW))));
    }

    @Test
    void anUnknownTemplateOrChannel_isNotFound_andMissingFieldsAreNamed() {
        Response noTemplate = api.post("/api/estimates", Map.of("channel", channel, "template",
                Map.of("name", "nope", "language", "en"), "recipients", List.of(NEW)));
        Response theirChannel = api.post("/api/estimates", Map.of("channel", server.newAccount().addChannel(),
                "template", Map.of("name", "promo", "language", "en"), "recipients", List.of(NEW)));
        Response empty = api.post("/api/estimates", Map.of());

        assertThat(noTemplate.status()).isEqualTo(404);
        assertThat(theirChannel.status()).isEqualTo(404);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("fields").valueStream().map(field -> field.path("field").asString()).toList())
                .containsExactly("channel", "template", "recipients");
    }

    private JsonNode estimate(List<String> recipients) {
        Response answer = api.post("/api/estimates", Map.of("channel", channel, "template",
                Map.of("name", "promo", "language", "en"), "recipients", recipients));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static Map<String, String> amounts(JsonNode estimate) {
        Map<String, String> amounts = new HashMap<>();
        estimate.path("recipients").forEach(recipient -> amounts.put(recipient.path("wa_id").asString(),
                recipient.path("amount").asString()));
        return amounts;
    }

    private void customerWrites(String customer, Instant at) {
        api.webhook(payload(channel, List.of(text("wamid.e" + customer, customer, at, "Oi")), List.of()));
    }

    private List<JsonNode> ledger() {
        return api.get("/api/charges?limit=1000").json().path("charges").valueStream().toList();
    }
}
