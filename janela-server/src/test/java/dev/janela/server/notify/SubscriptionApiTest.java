package dev.janela.server.notify;

import static dev.janela.server.testfixtures.TestServer.BRAZIL_RATES;
import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code /api/webhook-subscriptions}: made, listed, changed and deleted by admins; secrets shown once. */
@JanelaServerTest
class SubscriptionApiTest {
    private static final String RECEIVER = "https://hooks.example.com/janela";

    @Autowired
    private TestServer server;

    private Api api;

    @BeforeEach
    void anAccount() {
        api = server.newAccount();
    }

    /** Deletes the account's subscriptions, whose events would otherwise wait for a receiver that is not there. */
    @AfterEach
    void unsubscribe() {
        api.get("/api/webhook-subscriptions").json().path("webhook_subscriptions").forEach(subscription ->
                api.delete("/api/webhook-subscriptions/" + subscription.path("id").asLong()));
    }

    @Test
    void aNewSubscription_showsItsSecretOnce_andNeverAgain() {
        Response made = api.post("/api/webhook-subscriptions", Map.of("url", RECEIVER, "events",
                List.of("charge.recorded", "message.received")));

        assertThat(made.status()).as("%s", made).isEqualTo(201);
        String secret = made.json().path("secret").asString();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(made.json().path("events")).extracting(JsonNode::asString)
                .containsExactly("message.received", "charge.recorded");
        assertThat(made.json().path("active").asBoolean()).isTrue();
        assertThat(made.json().path("created_by").asString()).isEqualTo("test admin");
        Response list = api.get("/api/webhook-subscriptions");
        Response one = api.get("/api/webhook-subscriptions/" + made.json().path("id").asLong());
        assertThat(list.json().path("webhook_subscriptions")).singleElement()
                .satisfies(listed -> assertThat(listed.path("url").asString()).isEqualTo(RECEIVER));
        assertThat(one.json().path("url").asString()).isEqualTo(RECEIVER);
        assertThat(List.of(list.body(), one.body())).allSatisfy(body -> assertThat(body)
                .doesNotContain(secret).doesNotContain("\"secret\""));
    }

    @Test
    void aChange_keepsWhatItLeavesOut() {
        long id = subscribe();

        Response changed = api.patch("/api/webhook-subscriptions/" + id, Map.of("events", List.of("session.ended",
                "session.opened"), "active", false));

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("url").asString()).isEqualTo(RECEIVER);
        assertThat(changed.json().path("events")).extracting(JsonNode::asString)
                .containsExactly("session.opened", "session.ended");
        assertThat(changed.json().path("active").asBoolean()).isFalse();
        assertThat(changed.body()).doesNotContain("secret");
    }

    @Test
    void aDeletedSubscription_isGone_withItsEvents() {
        long id = subscribe();
        String channel = api.addChannel();
        api.uploadRates(BRAZIL_RATES);
        Api.expect(api.webhook(payload(channel, List.of(text("wamid.s-1", "5521987651401", START, "Hi")),
                List.of())), 200);
        String eventId = api.get("/api/webhook-subscriptions/" + id + "/deliveries").json().path("deliveries")
                .path(0).path("event_id").asString();

        Response deleted = api.delete("/api/webhook-subscriptions/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/webhook-subscriptions/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/webhook-subscriptions").json().path("webhook_subscriptions").isEmpty()).isTrue();
        assertThat(api.post("/api/webhook-deliveries/" + eventId + "/redeliver", "{}").status()).isEqualTo(404);
    }

    @Test
    void theDeliveryLog_isPaged_newestFirst() {
        long id = subscribe();
        String channel = api.addChannel();
        api.uploadRates(BRAZIL_RATES);
        for (int message = 1; message <= 3; message++) {
            Api.expect(api.webhook(payload(channel, List.of(text("wamid.p-" + message, "552198765150" + message,
                    START.plusSeconds(message), "Hi")), List.of())), 200);
        }

        Response first = api.get("/api/webhook-subscriptions/" + id + "/deliveries?limit=2");
        Response second = api.get("/api/webhook-subscriptions/" + id + "/deliveries?limit=2&cursor="
                + first.json().path("next").asString());

        List<String> firstIds = eventIds(first);
        List<String> secondIds = eventIds(second);
        assertThat(firstIds).hasSize(2);
        assertThat(secondIds).hasSize(1).doesNotContainAnyElementsOf(firstIds);
        assertThat(second.json().path("next").isNull()).isTrue();
        assertThat(first.json().path("deliveries").path(0).path("state").asString()).isEqualTo("pending");
        assertThat(first.json().path("deliveries").path(0).path("attempts").asInt()).isZero();
        assertThat(first.json().path("deliveries").path(0).path("type").asString()).isEqualTo("message.received");
    }

    @Test
    void anotherAccountsSubscription_isNotFound() {
        long id = subscribe();
        Api other = server.newAccount();

        List<Response> answers = List.of(other.get("/api/webhook-subscriptions/" + id),
                other.get("/api/webhook-subscriptions/" + id + "/deliveries"),
                other.patch("/api/webhook-subscriptions/" + id, Map.of("active", false)),
                other.delete("/api/webhook-subscriptions/" + id));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.errorCode()).as("%s", answer)
                .isEqualTo("not_found"));
        assertThat(api.get("/api/webhook-subscriptions/" + id).json().path("active").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "analyst"})
    void onlyAnAdmin_mayReadOrMakeSubscriptions(String role) {
        long id = subscribe();
        Api member = api.addUser(role + "." + UUID.randomUUID() + "@example.com", role);

        List<Response> answers = List.of(member.get("/api/webhook-subscriptions"),
                member.post("/api/webhook-subscriptions", Map.of("url", RECEIVER, "events",
                        List.of("message.received"))),
                member.get("/api/webhook-subscriptions/" + id + "/deliveries"),
                member.delete("/api/webhook-subscriptions/" + id));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(403));
    }

    @Nested
    class Refused {
        @Test
        void aUrlThatIsNotHttp_andUnknownEvents_areNamedTogether() {
            Response refused = api.post("/api/webhook-subscriptions", Map.of("url", "ftp://example.com/in",
                    "events", List.of("message.received", "message.sent", "order.paid")));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("invalid_request");
            assertThat(fields(refused)).containsOnlyKeys("url", "events");
            assertThat(fields(refused).get("url")).contains("http or https");
            assertThat(fields(refused).get("events")).contains("'message.sent', 'order.paid'", "charge.recorded");
        }

        @Test
        void aSubscriptionWithNothing_isMissingItsUrlAndItsEvents() {
            Response refused = api.post("/api/webhook-subscriptions", "{}");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(fields(refused)).containsOnlyKeys("url", "events");
            assertThat(api.get("/api/webhook-subscriptions").json().path("webhook_subscriptions").isEmpty()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"example.com/hooks", "https://", "https://user:pass@example.com/hooks",
            "https://example.com/hooks#top", "http://exa mple.com/"})
        void aUrlThatCannotBeSentTo_isRefused(String url) {
            Response refused = api.post("/api/webhook-subscriptions", Map.of("url", url, "events",
                    List.of("message.received")));

            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            assertThat(fields(refused)).containsOnlyKeys("url");
        }

        @Test
        void aChangeToNoEvents_isRefused_andChangesNothing() {
            long id = subscribe();

            Response refused = api.patch("/api/webhook-subscriptions/" + id, Map.of("events", List.of(),
                    "active", false));

            assertThat(fields(refused)).containsOnlyKeys("events");
            assertThat(api.get("/api/webhook-subscriptions/" + id).json().path("active").asBoolean()).isTrue();
        }
    }

    private long subscribe() {
        Response made = api.post("/api/webhook-subscriptions", Map.of("url", RECEIVER, "events",
                List.of("message.received")));
        Api.expect(made, 201);
        return made.json().path("id").asLong();
    }

    private static Map<String, String> fields(Response refused) {
        Map<String, String> fields = new LinkedHashMap<>();
        refused.json().path("fields").forEach(field -> fields.put(field.path("field").asString(),
                field.path("message").asString()));
        return fields;
    }

    private static List<String> eventIds(Response page) {
        List<String> ids = new ArrayList<>();
        page.json().path("deliveries").forEach(delivery -> ids.add(delivery.path("event_id").asString()));
        return ids;
    }
}
