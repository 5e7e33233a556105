package dev.janela.server.connector;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An error Meta answered with: {@code {"error":{"code":..,"message":..,"error_data":{"details":..}}}}, or only an
 * HTTP status when the body was not Meta's (a proxy's page). Meta asks that handling be built on the code, not the
 * status; a 5xx status without a code is Meta's servers failing.
 *
 * @param code Meta's code, or 0 when the answer had none
 */
public record GraphError(int status, int code, String message, String details) {
    /** Meta's limits (throughput, pair, maintenance during an upgrade, Graph call limits): waiting helps. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(130429, 131056, 131057, 131016, 80007, 4);

    static GraphError of(GraphApi.Answer answer) {
        JsonNode error = answer.body().path("error");
        return new GraphError(answer.status(), error.path("code").asInt(0),
                error.path("message").asString("HTTP " + answer.status()),
                error.path("error_data").path("details").asString(""));
    }

    /** Whether trying again later may succeed: Meta's limits, or its servers failing. */
    public boolean isTransient() {
        return TRANSIENT_CODES.contains(code) || status >= 500;
    }

    /** The code a message that failed with this error keeps: Meta's, else Meta's generic one. */
    public int messageCode() {
        return code != 0 ? code : 131000;
    }

    /** For logs and the operator: code, message and details, which carry no secret. */
    public String describe() {
        String numbered = code != 0 && !message.startsWith("(#") ? "(#" + code + ") " + message : message;
        return numbered + (details.isEmpty() ? "" : ": " + details) + " [HTTP " + status + "]";
    }
}
