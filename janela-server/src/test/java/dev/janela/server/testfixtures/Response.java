package dev.janela.server.testfixtures;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP answer: status, body and headers, with the body readable as JSON. */
public record Response(int status, String body, HttpHeaders headers) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    /** The code of a Meta-envelope error ({@code error.code}), or of a native one ({@code code}). */
    public String errorCode() {
        JsonNode tree = json();
        return tree.has("error") ? tree.path("error").path("code").asString() : tree.path("code").asString();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
