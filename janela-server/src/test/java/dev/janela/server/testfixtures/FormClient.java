package dev.janela.server.testfixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web pages over plain HTTP, as a browser without scripts sees them: its own cookies, and the sign-in form with
 * its CSRF token. Redirects are not followed, so that a test sees where an answer leads.
 */
public final class FormClient {
    private static final Pattern CSRF_TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A new client, with no cookies, of the server at {@code base}. */
    public FormClient(URI base) {
        this.base = base;
    }

    /** Signs in through the form; returns where the answer leads: {@code /}, {@code /sign-in?failed}... */
    public String signIn(String address, String password) {
        Matcher token = CSRF_TOKEN.matcher(get("/sign-in").body());
        if (!token.find()) {
            throw new AssertionError("the sign-in form has no CSRF token");
        }
        String form = "email=" + encode(address) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        Response answer = send(HttpRequest.newBuilder(base.resolve("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        Api.expect(answer, 302);
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    /** A page, with this client's cookies. */
    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /**
     * Posts a form as the page at {@code from} would, with that page's CSRF token: its {@code fields}, URL-encoded.
     */
    public Response post(String from, String path, Map<String, String> fields) {
        StringBuilder form = new StringBuilder("_csrf=" + encode(csrfToken(from)));
        fields.forEach((name, value) -> form.append('&').append(encode(name)).append('=').append(encode(value)));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /**
     * Posts a form with a file as the page at {@code from} would, with that page's CSRF token: its {@code fields}, and
     * {@code fileText} as the file field {@code fileField}, as {@code multipart/form-data}.
     */
    public Response postFile(String from, String path, Map<String, String> fields, String fileField, String fileName,
            String fileText) {
        String boundary = "----janela" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfToken(from));
        all.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n").append("Content-Disposition: form-data; name=\"")
                .append(fileField).append("\"; filename=\"").append(fileName).append("\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n").append(fileText).append("\r\n--").append(boundary)
                .append("--\r\n");
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private String csrfToken(String page) {
        Matcher token = CSRF_TOKEN.matcher(get(page).body());
        if (!token.find()) {
            throw new AssertionError(page + " has no CSRF token");
        }
        return token.group(1);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(answer.statusCode(), answer.body(), answer.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
