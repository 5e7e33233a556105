package dev.janela.server.notify;

import dev.janela.server.config.DeliverySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sends one event to its receiver: a JSON POST, signed, which the receiver takes by answering 2xx. Anything else, a
 * redirect included, is a failed attempt, described without the secret or the body.
 */
@Component
class HttpEventSender {
    /** The longest description of a failure kept: enough for an exception's name and the start of its message. */
    private static final int MAX_ERROR = 300;

    private final HttpClient http;
    private final Duration requestTimeout;

    HttpEventSender(DeliverySettings settings) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = settings.requestTimeout();
    }

    /**
     * Sends {@code event} at {@code at}, the time its signature names.
     *
     * @return empty if the receiver took it; else why not
     * @throws InterruptedException if the thread is interrupted while waiting for the receiver
     */
    Optional<String> send(Outbox.Due event, Instant at) throws InterruptedException {
        try {
            int status = http.send(request(event, at), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? Optional.empty() : Optional.of("HTTP " + status);
        } catch (IOException | IllegalArgumentException failure) {
            // IllegalArgumentException: a URL the HTTP client will not send to, though it was checked when stored.
            return Optional.of(describe(failure));
        }
    }

    private HttpRequest request(Outbox.Due event, Instant at) {
        byte[] body = event.body().getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(event.url())).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Janela")
                .header("X-Janela-Event", event.type().wireName())
                .header("X-Janela-Delivery", event.eventId())
                .header(EventSignatures.HEADER, EventSignatures.sign(body, at, event.secret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** What went wrong, as the delivery log shows it: the exception's name and message, cut short. */
    private static String describe(Exception failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": "
                + message);
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
