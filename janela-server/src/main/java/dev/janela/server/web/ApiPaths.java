package dev.janela.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Which requests are for the HTTP API, answered in JSON to a bearer token or a webhook's signature, rather than for
 * the web pages, where a person signs in.
 */
public final class ApiPaths {
    /**
     * Meta's send path, {@code /v1/{phone_number_id}/messages} or {@code /v23.0/...}, or without the version, as some
     * clients post ({@code /{phone_number_id}/messages}; Meta's ids are digits).
     */
    private static final Pattern SEND = Pattern.compile("/v[0-9]+(?:\\.[0-9]+)?/[^/]+/messages|/[0-9]+/messages");

    private ApiPaths() {
    }

    public static boolean isApi(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/api/") || path.startsWith("/webhooks/") || path.startsWith("/actuator/")
                || path.equals("/openapi.json") || SEND.matcher(path).matches();
    }

    /** Whether the request is for the API and must bring a token: all of it but Meta's webhooks and public data. */
    static boolean needsToken(HttpServletRequest request) {
        String path = path(request);
        return isApi(request) && !path.startsWith("/webhooks/") && !path.equals("/openapi.json")
                && !path.startsWith("/actuator/health");
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
