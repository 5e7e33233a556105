package dev.janela.server.connector;

import dev.janela.server.config.JanelaProperties;
import dev.janela.server.config.WithMetaConnector;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Meta's Graph API, at {@code JANELA_META_BASE_URL} and {@code JANELA_META_API_VERSION}, called with the system
 * user's token. The token goes in the {@code Authorization} header only; it is never part of a URL, an answer or a
 * message Janela writes.
 */
@Component
@WithMetaConnector
public class GraphApi {
    private final HttpClient http;
    private final URI versionRoot;
    private final String authorization;
    private final Duration timeout;
    private final JsonMapper json;

    GraphApi(JanelaProperties.Meta meta, JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(meta.sending().timeout()).build();
        String base = meta.baseUrl().toString().replaceAll("/+$", "");
        this.versionRoot = URI.create(base + "/" + meta.apiVersion() + "/");
        this.authorization = "Bearer " + meta.accessToken();
        this.timeout = meta.sending().timeout();
        this.json = json;
    }

    /** What Meta answered: its HTTP status and JSON body (a missing node when the body is not JSON). */
    public record Answer(int status, JsonNode body) {
        public boolean isSuccess() {
            return status / 100 == 2 && !body.has("error");
        }

        public GraphError error() {
            return GraphError.of(this);
        }
    }

    /** {@code POST /<version>/<path>} with a JSON body, answered on another thread. */
    CompletableFuture<Answer> postAsync(String path, JsonNode body) {
        return http.sendAsync(postRequest(path, body).build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(this::answer);
    }

    /** {@code POST /<version>/<path>} with a JSON body. */
    public Answer post(String path, JsonNode body) throws IOException, InterruptedException {
        return answer(http.send(postRequest(path, body).build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** {@code GET /<version>/<path>}. */
    public Answer get(String path) throws IOException, InterruptedException {
        return answer(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** A query parameter's value, encoded for a URL. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder postRequest(String path, JsonNode body) {
        return request(path).POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .header("Content-Type", "application/json");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(versionRoot.resolve(path)).timeout(timeout)
                .header("Authorization", authorization);
    }

    private Answer answer(HttpResponse<byte[]> response) {
        JsonNode body;
        try {
            body = response.body().length == 0 ? MissingNode.getInstance() : json.readTree(response.body());
        } catch (JacksonException notJson) {
            body = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), body == null ? MissingNode.getInstance() : body);
    }
}
