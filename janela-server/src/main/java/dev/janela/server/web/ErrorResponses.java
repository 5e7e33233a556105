package dev.janela.server.web;

import dev.janela.server.refusal.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a refusal into the response the caller's API speaks, as the {@link ErrorTable} says:
 * {@code {"code","message","fields"}} on the native API, Meta's {@code {"error":{...}}} envelope on the
 * Cloud-API-compatible paths ({@code /v1/...}, {@code /v23.0/...}).
 */
@Component
public class ErrorResponses {
    private static final Pattern CLOUD_API_PATH = Pattern.compile("/v[0-9][^/]*/.*|/[0-9]+/messages");

    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    /** Whether {@code request} was made to the Cloud-API-compatible endpoints. */
    public static boolean isCloudApi(HttpServletRequest request) {
        return CLOUD_API_PATH.matcher(ApiPaths.path(request)).matches();
    }

    /** The native error response. */
    public ResponseEntity<Object> nativeAnswer(Refusal refusal) {
        return ResponseEntity.status(ErrorTable.nativeCode(refusal.reason()).status())
                .contentType(MediaType.APPLICATION_JSON).body(ApiErrorBody.of(refusal));
    }

    /** Meta's envelope for {@code refusal}. */
    public ResponseEntity<Object> cloudAnswer(Refusal refusal) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messaging_product", "whatsapp");
        data.put("details", refusal.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "(#" + refusal.reason().metaCode() + ") " + refusal.reason().metaTitle());
        body.put("type", "OAuthException");
        body.put("code", refusal.reason().metaCode());
        body.put("error_data", data);
        body.put("fbtrace_id", traceId());
        return ResponseEntity.status(ErrorTable.cloudStatus(refusal.reason())).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", body));
    }

    /** The response for {@code refusal} in the shape {@code request}'s API speaks. */
    public ResponseEntity<Object> of(HttpServletRequest request, Refusal refusal) {
        return isCloudApi(request) ? cloudAnswer(refusal) : nativeAnswer(refusal);
    }

    /** Writes the response for {@code refusal} directly, for filters that answer before any controller. */
    public void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException {
        ResponseEntity<Object> entity = of(request, refusal);
        response.setStatus(entity.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(entity.getBody()));
    }

    /** Meta answers with a trace id that its support can look up; Janela's identifies the response in its log. */
    private String traceId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
