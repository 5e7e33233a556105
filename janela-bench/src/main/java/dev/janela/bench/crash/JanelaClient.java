package dev.janela.bench.crash;

import dev.janela.bench.graph.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The suite's side of Janela's HTTP interface: Meta's signed webhooks, the Cloud API send with an
 * {@code Idempotency-Key}, and the native API with the admin's token. Thread-safe. A request that gets no answer
 * (the server was killed under it, or is down) completes with the {@link IOException}, which the caller keeps as
 * "unanswered".
 */
final class JanelaClient {
    /** Longer than any lock Janela waits for: a request still unanswered then is taken as lost, and retried. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final String token;
    private final WebhookSignature signature;

    JanelaClient(URI base, String token, String appSecret) {
        this.base = base;
        this.token = token;
        this.signature = new WebhookSignature(appSecret);
    }

    /** An answer: its status and its body, byte for byte as a string. */
    record Answer(int status, String body) {
    }

    /** Delivers a webhook body, signed with the app secret as Meta signs it. */
    CompletableFuture<Answer> deliver(byte[] body) {
        return exchange(request("/webhooks/whatsapp").header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature.of(body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends a Cloud API request through the channel {@code phoneNumberId} with the idempotency key {@code key}. */
    CompletableFuture<Answer> send(String phoneNumberId, String key, String body) {
        return exchange(authorized("/v1/" + phoneNumberId + "/messages").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String path, String accept) throws IOException {
        return await(exchange(authorized(path).header("Accept", accept).GET()));
    }

    Answer post(String path, String type, String body) throws IOException {
        return call("POST", path, type, body);
    }

    Answer call(String method, String path, String type, String body) throws IOException {
        return await(exchange(authorized(path).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Whether {@code /actuator/health} answers that the server is up. */
    boolean isHealthy() {
        try {
            Answer answer = await(exchange(request("/actuator/health").GET()));
            return answer.status() == 200 && answer.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        }
    }

    private CompletableFuture<Answer> exchange(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new Answer(response.statusCode(), response.body()));
    }

    private static Answer await(CompletableFuture<Answer> answer) throws IOException {
        try {
            return answer.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof IOException io ? io : new IOException(failed.getCause());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    private HttpRequest.Builder authorized(String path) {
        return request(path).header("Authorization", "Bearer " + token);
    }
}
