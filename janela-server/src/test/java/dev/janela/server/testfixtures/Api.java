package dev.janela.server.testfixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of one account of the server under test, speaking plain HTTP as any client would.
 *
 * @param accountId the account its token belongs to
 * @param phoneNumberId the channel the account was set up with, if any ({@link AccountSetUp})
 */
public record Api(URI base, String token, long accountId, Optional<String> phoneNumberId) {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Response get(String path) {
        return get(path, "application/json");
    }

    public Response get(String path, String accept) {
        return exchange(authorized(path).header("Accept", accept).GET());
    }

    public Response post(String path, Object json) {
        return exchange(authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json instanceof String text ? text : toJson(json))));
    }

    public Response post(String path, String contentType, String body) {
        return exchange(authorized(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, Object json) {
        return exchange(authorized(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(json))));
    }

    public Response patch(String path, Object json) {
        return exchange(authorized(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(toJson(json))));
    }

    public Response delete(String path) {
        return exchange(authorized(path).DELETE());
    }

    /** The same account seen through another token. */
    public Api withToken(String other) {
        return new Api(base, other, accountId, phoneNumberId);
    }

    /** The {@code phone_number_id} of the channel the account was set up with. */
    public String channel() {
        return phoneNumberId.orElseThrow(() -> new IllegalStateException("the account was set up without a channel"));
    }

    /**
     * Adds a user with {@code role} and makes them a token; returns a client acting as that user.
     *
     * @param email the user's address, which must be new
     */
    public Api addUser(String email, String role) {
        Response added = post("/api/users", Map.of("email", email, "name", "User " + email, "role", role));
        expect(added, 201);
        Response token = post("/api/users/" + added.json().path("id").asLong() + "/tokens", Map.of("name",
                "token of " + email));
        expect(token, 201);
        return withToken(token.json().path("token").asString());
    }

    /** Adds a user with {@code role} who signs in to the web pages with {@code password}. */
    public void addUser(String email, String role, String password) {
        expect(post("/api/users", Map.of("email", email, "name", "User " + email, "role", role, "password",
                password)), 201);
    }

    /** A Cloud API send: {@code POST /v1/{phone_number_id}/messages}. */
    public Response send(String phoneNumberId, Object json) {
        return post("/v1/" + phoneNumberId + "/messages", json);
    }

    /** A Cloud API send with an {@code Idempotency-Key}. */
    public Response send(String phoneNumberId, Object json, String idempotencyKey) {
        return exchange(authorized("/v1/" + phoneNumberId + "/messages").header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json instanceof String text ? text : toJson(json))));
    }

    /** Sends a text message. */
    public Response sendText(String phoneNumberId, String to, String body) {
        return send(phoneNumberId, textMessage(to, body));
    }

    /** Sends a template with its body's numbered parameters. */
    public Response sendTemplate(String phoneNumberId, String to, String name, String language,
            String... parameters) {
        return send(phoneNumberId, templateMessage(to, name, language, parameters));
    }

    /** A Cloud API text message. */
    public static Map<String, Object> textMessage(String to, String body) {
        return Map.of("messaging_product", "whatsapp", "to", to, "type", "text", "text", Map.of("body", body));
    }

    /** A Cloud API template message with its body's numbered parameters. */
    public static Map<String, Object> templateMessage(String to, String name, String language, String... parameters) {
        List<Map<String, String>> values = Arrays.stream(parameters)
                .map(value -> Map.of("type", "text", "text", value)).toList();
        return Map.of("messaging_product", "whatsapp", "to", to, "type", "template", "template", Map.of("name", name,
                "language", Map.of("code", language), "components", List.of(Map.of("type", "body", "parameters",
                        values))));
    }

    /** A webhook delivery, signed with the app secret the tests configure. */
    public Response webhook(String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return webhook(body, Webhooks.signature(body, TestServer.APP_SECRET));
    }

    /** A webhook delivery with the signature header given (none when null). */
    public Response webhook(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/webhooks/whatsapp"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return exchange(request);
    }

    /** Any request, to paths this client has no shortcut for. */
    public Response exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request to {@code path} with this client's bearer token. */
    public HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    }

    /** Adds a channel registered in Brazil under a new {@code phone_number_id}, and returns that id. */
    public String addChannel() {
        return addChannel("+55 11 98765-4321");
    }

    /** Adds a channel for the business number {@code number}; returns its phone number id. */
    public String addChannel(String number) {
        String phoneNumberId = "10" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L);
        Response added = post("/api/channels", Map.of("phone_number_id", phoneNumberId, "number", number));
        expect(added, 201);
        return phoneNumberId;
    }

    /** Uploads {@code csv} as the account's rate card, in force since long ago. */
    public void uploadRates(String csv) {
        expect(post("/api/rate-cards?effective_from=2000-01-01T00:00:00Z", "text/csv", csv), 201);
    }

    /** Adds a template and approves it; returns its id. */
    public long approvedTemplate(String name, String language, String category, String body) {
        Response added = post("/api/templates", Map.of("name", name, "language", language, "category", category,
                "body", body));
        expect(added, 201);
        long id = added.json().path("id").asLong();
        expect(post("/api/templates/" + id + "/approve", "{}"), 200);
        return id;
    }

    /** The WhatsApp Business Account id this account is given at Meta: its own, so that webhooks find it. */
    public String wabaId() {
        return "1022901" + accountId;
    }

    /**
     * With Meta's connector: adds a template, submits it to the account's WhatsApp Business Account at the
     * {@link GraphStandIn}, which approves it, and syncs; returns its id.
     */
    public long approvedAtMeta(String name, String language, String category, String body) {
        expect(put("/api/whatsapp-business-account", Map.of("waba_id", wabaId())), 200);
        Response added = post("/api/templates", Map.of("name", name, "language", language, "category", category,
                "body", body));
        expect(added, 201);
        long id = added.json().path("id").asLong();
        expect(post("/api/templates/" + id + "/submit", "{}"), 200);
        GraphStandIn.get().changeTemplate(name, language, "APPROVED", category.toUpperCase(Locale.ROOT));
        expect(post("/api/templates/sync", "{}"), 200);
        return id;
    }

    public static void expect(Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + ", got " + response);
        }
    }

    private static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }
}
