package dev.janela.server.api;

import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The operator API under {@code /api}: channels, templates and their review, rate cards, the window of a
 * conversation, the ledger; its errors in the native shape; and accounts that cannot see each other's objects.
 */
@JanelaServerTest
class OperatorApiTest {
    private static final String RATES = """
            market,category,price,currency
            BR,user_initiated,0.0068,USD
            BR,business_initiated,0.0625,USD
            MX,user_initiated,0.0085,USD
            MX,business_initiated,0.0305,USD
            """;

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;

    private Api api;

    @BeforeEach
    void newAccount() {
        api = server.newAccount();
    }

    @Test
    void channels_takeTheirCountryFromTheNumber_unlessGiven() {
        Response brazil = api.post("/api/channels", Map.of("phone_number_id", "pn-" + api.accountId() + "-br",
                "number", "+55 (21) 98765-0000"));
        Response mexico = api.post("/api/channels", Map.of("phone_number_id", "pn-" + api.accountId() + "-mx",
                "number", "5521987650000", "country", "mx"));

        assertThat(brazil.status()).isEqualTo(201);
        assertThat(brazil.json().path("number").asString()).isEqualTo("+5521987650000");
        assertThat(brazil.json().path("country").asString()).isEqualTo("BR");
        assertThat(mexico.json().path("country").asString()).isEqualTo("MX");
        assertThat(api.get("/api/channels").json().path("channels").valueStream()
                .map(channel -> channel.path("phone_number_id").asString()).toList())
                .containsExactly("pn-" + api.accountId() + "-br", "pn-" + api.accountId() + "-mx");
        assertThat(server.newAccount().get("/api/channels").json().path("channels").isEmpty()).isTrue();
    }

    @Test
    void aChannel_isRefusedNamingEveryBadField_orAsADuplicate() {
        Response invalid = api.post("/api/channels", Map.of("phone_number_id", "has spaces", "number", "12",
                "country", "XX"));
        String existing = api.addChannel();
        Response duplicate = server.newAccount().post("/api/channels", Map.of("phone_number_id", existing, "number",
                "+5521987650000"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorCode()).isEqualTo("invalid_request");
        assertThat(fields(invalid)).containsExactly("phone_number_id", "number", "country");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("conflict");
    }

    @Test
    void templates_startPending_andAreApprovedOrRejectedWithAReason() {
        Response added = api.post("/api/templates", Map.of("name", "order_update", "language", "pt_BR",
                "category", "utility", "body", "Seu pedido {{1}} chega {{2}}."));
        long id = added.json().path("id").asLong();

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(added.json().path("parameters").asInt()).isEqualTo(2);
        Response rejected = api.post("/api/templates/" + id + "/reject", Map.of("reason", "Looks like marketing"));
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("rejection_reason").asString()).isEqualTo("Looks like marketing");
        assertThat(api.post("/api/templates/" + id + "/approve", "{}").status()).isEqualTo(409);

        long other = api.post("/api/templates", Map.of("name", "welcome", "language", "en", "category",
                "marketing", "body", "Welcome!")).json().path("id").asLong();
        assertThat(api.post("/api/templates/" + other + "/reject", Map.of("reason", " ")).status()).isEqualTo(400);
        assertThat(api.post("/api/templates/" + other + "/approve", "{}").json().path("status").asString())
                .isEqualTo("APPROVED");
        assertThat(api.get("/api/templates").json().path("templates").valueStream()
                .map(template -> template.path("name").asString() + ":" + template.path("status").asString())
                .toList()).containsExactlyInAnyOrder("order_update:REJECTED", "welcome:APPROVED");
    }

    @Test
    void aTemplate_isRefusedNamingEveryBrokenRule_orAsADuplicate() {
        Response invalid = api.post("/api/templates", Map.of("name", "Order Update", "language", "english",
                "category", "transactional", "body", "{{1}} is ready"));
        api.post("/api/templates", Map.of("name", "once", "language", "en", "category", "utility", "body", "Hi"));
        Response duplicate = api.post("/api/templates", Map.of("name", "once", "language", "en", "category",
                "utility", "body", "Hello"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).contains("name", "language", "category", "body");
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void anotherAccountsTemplate_isNotFound() {
        Api other = server.newAccount();
        long theirs = other.post("/api/templates", Map.of("name", "theirs", "language", "en", "category",
                "utility", "body", "Hi")).json().path("id").asLong();

        Response approve = api.post("/api/templates/" + theirs + "/approve", "{}");
        Response reject = api.post("/api/templates/" + theirs + "/reject", Map.of("reason", "no"));

        assertThat(approve.status()).isEqualTo(404);
        assertThat(approve.errorCode()).isEqualTo("not_found");
        assertThat(reject.status()).isEqualTo(404);
        assertThat(other.get("/api/templates").json().path("templates").path(0).path("status").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void rateCards_areVersions_eachInForceFromItsDate() {
        Response first = api.post("/api/rate-cards", "text/csv", RATES);
        Response second = api.post("/api/rate-cards?effective_from=2026-07-01T00:00:00Z", "text/csv",
                RATES.replace("0.0625", "0.0700"));
        Response sameDate = api.post("/api/rate-cards?effective_from=2026-07-01T00:00:00Z", "text/csv", RATES);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("version").asString()).isEqualTo("v1");
        assertThat(first.json().path("effective_from").asString()).isEqualTo("2000-01-01T00:00:00.000000Z");
        assertThat(first.json().path("markets").asInt()).isEqualTo(2);
        assertThat(second.json().path("version").asString()).isEqualTo("v2");
        assertThat(sameDate.status()).isEqualTo(409);
        assertThat(api.get("/api/rate-cards").json().path("rate_cards").valueStream()
                .map(card -> card.path("version").asString() + "@" + card.path("effective_from").asString())
                .toList()).containsExactly("v1@2000-01-01T00:00:00.000000Z",
                        "v2@2026-07-01T00:00:00.000000Z");

        String channel = api.addChannel();
        assertThat(templateCost(channel, "5521987650005", "marketing").path("amount").asString()).isEqualTo("0.0625");
        clock.set(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(templateCost(channel, "5521987650005", "marketing").path("amount").asString()).isEqualTo("0.0700");
    }

    @Test
    void aVersion_isDownloadedAsItWasUploaded_andChargesNameIt() {
        api.uploadRates(RATES);
        String channel = api.addChannel();
        api.webhook(payload(channel, List.of(text("wamid.rc", "5521987650009", START, "Oi")), List.of()));

        Response csv = api.get("/api/rate-cards/v1", "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).isEqualTo(RATES);
        assertThat(csv.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"rates-v1.csv\"");
        assertThat(api.get("/api/charges").json().path("charges").path(0).path("rate_card_version").asString())
                .isEqualTo("v1");
        assertThat(api.get("/api/rate-cards/v9", "text/csv").status()).isEqualTo(404);
        assertThat(server.newAccount().get("/api/rate-cards/v1", "text/csv").status()).isEqualTo(404);
    }

    @Test
    void aBrokenRateCard_isRefusedSayingWhere() {
        Response badPrice = api.post("/api/rate-cards", "text/csv", "market,category,price,currency\n"
                + "BR,user_initiated,cheap,USD\n");
        Response badDate = api.post("/api/rate-cards?effective_from=tomorrow", "text/csv", RATES);
        Response json = api.post("/api/rate-cards", "{\"market\":\"BR\"}");
        api.uploadRates(RATES);
        Response otherCurrency = api.post("/api/rate-cards?effective_from=2026-07-01T00:00:00Z", "text/csv",
                RATES.replace("USD", "EUR"));

        assertThat(badPrice.status()).isEqualTo(400);
        assertThat(badPrice.json().path("message").asString()).isEqualTo("rate card line 2: price: \"cheap\""
                + " is not a decimal such as 0.0625 (digits, a point, and up to 6 fractional digits)");
        assertThat(fields(badPrice)).containsExactly("line 2");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(fields(badDate)).containsExactly("effective_from");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.errorCode()).isEqualTo("unsupported_media_type");
        assertThat(otherCurrency.status()).isEqualTo(400);
        assertThat(fields(otherCurrency)).containsExactly("currency");
        assertThat(api.get("/api/rate-cards").json().path("rate_cards")).hasSize(1);
        Response asJson = api.get("/api/rate-cards/v1");
        assertThat(asJson.status()).as("a version is CSV only").isEqualTo(406);
        assertThat(asJson.errorCode()).isEqualTo("not_acceptable");
        assertThat(asJson.json().path("message").asString()).contains("Accept: text/csv");
    }

    @Test
    void theWindowOfACustomerWhoNeverWrote_isClosed_andATemplateCostsASession() {
        api.uploadRates(RATES);
        String channel = api.addChannel();

        JsonNode window = api.get("/api/channels/" + channel + "/conversations/+5521987650006/window").json();

        assertThat(window.path("open").asBoolean()).isFalse();
        assertThat(window.path("wa_id").asString()).isEqualTo("5521987650006");
        assertThat(window.path("window_expires_at").isNull()).isTrue();
        assertThat(window.path("session").isNull()).isTrue();
        assertThat(window.path("may_send").valueStream().map(JsonNode::asString).toList())
                .containsExactly("template");
        assertThat(window.path("template_cost").path("charged").asBoolean()).isTrue();
        assertThat(window.path("template_cost").path("amount").asString()).isEqualTo("0.0625");
        assertThat(window.path("template_cost").path("currency").asString()).isEqualTo("USD");
    }

    @Test
    void anOpenWindow_allowsFreeForm_andATemplateInsideIsFree() {
        api.uploadRates(RATES);
        String channel = api.addChannel();
        api.webhook(payload(channel, List.of(text("wamid.w1", "5521987650007", START, "Oi")), List.of()));
        clock.advance(Duration.ofHours(2));

        JsonNode window = api.get("/api/channels/" + channel + "/conversations/5521987650007/window").json();

        assertThat(window.path("open").asBoolean()).isTrue();
        assertThat(window.path("seconds_left").asLong()).isEqualTo(22 * 3600);
        assertThat(window.path("may_send").valueStream().map(JsonNode::asString).toList())
                .containsExactly("template", "free_form");
        assertThat(window.path("template_cost").path("charged").asBoolean()).isFalse();
        assertThat(window.path("template_cost").path("amount").asString()).isEqualTo("0.0000");
    }

    @Test
    void withoutARateCard_theWindowSaysATemplateCannotBePriced() {
        String channel = api.addChannel();

        JsonNode cost = templateCost(channel, "5521987650008", "utility");

        assertThat(cost.path("charged").asBoolean()).isTrue();
        assertThat(cost.path("amount").isNull()).isTrue();
        assertThat(cost.path("problem").asString()).contains("rate card");
    }

    @Test
    void theWindow_refusesABadNumberOrCategory_andAnotherAccountsChannel() {
        String channel = api.addChannel();
        String theirs = server.newAccount().addChannel();

        Response badNumber = api.get("/api/channels/" + channel + "/conversations/12ab/window");
        Response badCategory = api.get("/api/channels/" + channel + "/conversations/5521987650009/window"
                + "?category=spam");
        Response notOurs = api.get("/api/channels/" + theirs + "/conversations/5521987650009/window");

        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(fields(badNumber)).containsExactly("wa_id");
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(fields(badCategory)).containsExactly("category");
        assertThat(notOurs.status()).isEqualTo(404);
    }

    @Test
    void charges_areFilteredAndPaged_andTheCsvHasEveryRow() {
        api.uploadRates(RATES);
        String brazil = api.addChannel();
        String mexico = "pn-" + api.accountId() + "-mx";
        api.post("/api/channels", Map.of("phone_number_id", mexico, "number", "+5511987654321", "country", "MX"));
        for (int i = 0; i < 5; i++) {
            Instant at = START.plus(Duration.ofHours(i));
            clock.set(at);
            String customer = "552198765010" + i;
            api.webhook(payload(i % 2 == 0 ? brazil : mexico, List.of(text("wamid.c" + i, customer, at, "Oi")),
                    List.of()));
        }

        assertThat(amounts("")).containsExactly("0.0068", "0.0085", "0.0068", "0.0085", "0.0068");
        assertThat(amounts("?market=MX")).containsExactly("0.0085", "0.0085");
        assertThat(amounts("?channel=" + brazil)).hasSize(3);
        assertThat(amounts("?category=business_initiated")).isEmpty();
        assertThat(amounts("?from=2026-03-02T10:00:00Z&to=2026-03-02T12:00:00Z")).containsExactly("0.0085",
                "0.0068");

        List<String> paged = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = api.get("/api/charges?limit=2" + cursor).json();
            page.path("charges").forEach(charge -> paged.add(charge.path("event_id").asString()));
            cursor = page.path("next").isNull() ? null : "&cursor=" + page.path("next").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactly("wamid.c0", "wamid.c1", "wamid.c2", "wamid.c3", "wamid.c4");

        Response csv = api.get("/api/charges?market=BR", "text/csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,event_id,at,channel,customer,market,category,amount,currency,"
                + "rate_card_version,cause");
        assertThat(lines.subList(1, lines.size())).hasSize(3).allSatisfy(line -> assertThat(line)
                .matches("[0-9]+,wamid\\.c[024],2026-03-02T[01][0-9]:00:00\\.000000Z," + brazil
                        + ",\\+55219876501[0-9]{2},BR,user_initiated,0\\.0068,USD,v1,wamid\\.c[024]:charge"));
    }

    @Test
    void chargeFilters_thatCannotBeRead_areRefusedByName() {
        Response bad = api.get("/api/charges?from=yesterday&category=lunch");
        Response badLimit = api.get("/api/charges?limit=5000");
        Response badCursor = api.get("/api/charges?cursor=bm9wZQ");
        Response unknownChannel = api.get("/api/charges?channel=404404");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("from", "category");
        assertThat(fields(badLimit)).containsExactly("limit");
        assertThat(fields(badCursor)).containsExactly("cursor");
        assertThat(unknownChannel.status()).isEqualTo(404);
    }

    @Test
    void theApi_wantsAToken_andAnswersInItsOwnShape() {
        Response noToken = api.exchange(HttpRequest.newBuilder(api.base().resolve("/api/channels")).GET());
        Response unknownPath = api.get("/api/nothing-here");
        Response wrongMethod = api.exchange(api.authorized("/api/charges").DELETE());

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.errorCode()).isEqualTo("unauthenticated");
        assertThat(noToken.json().path("message").asString()).contains("Authorization: Bearer");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.errorCode()).isEqualTo("not_found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo("method_not_allowed");
    }

    private JsonNode templateCost(String channel, String customer, String category) {
        return api.get("/api/channels/" + channel + "/conversations/" + customer + "/window?category=" + category)
                .json().path("template_cost");
    }

    private List<String> amounts(String query) {
        Response page = api.get("/api/charges" + query);
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json().path("charges").valueStream().map(charge -> charge.path("amount").asString()).toList();
    }

    private static List<String> fields(Response refusal) {
        return refusal.json().path("fields").valueStream().map(field -> field.path("field").asString()).toList();
    }
}
