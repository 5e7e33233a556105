package dev.janela.server.notify;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A business's system subscribed to an account's events through the API: its receiver, the subscription's id, and
 * the secret the answer showed, with which it checks signatures as a receiver would, by its own HMAC.
 */
record Subscriber(Api api, long id, String secret, Receiver receiver) implements AutoCloseable {
    private static final Pattern SIGNATURE = Pattern.compile("t=([0-9]+),v1=([0-9a-f]{64})");

    /** A new receiver, subscribed to {@code events} of {@code api}'s account. */
    static Subscriber subscribe(Api api, String... events) {
        Receiver receiver = Receiver.start();
        Response made = api.post("/api/webhook-subscriptions", Map.of("url", receiver.url(), "events",
                List.of(events)));
        Api.expect(made, 201);
        return new Subscriber(api, made.json().path("id").asLong(), made.json().path("secret").asString(), receiver);
    }

    /** What the receiver was sent. */
    List<Receiver.Request> received() {
        return receiver.received();
    }

    /** The types of the events it was sent, in the order they came. */
    List<String> receivedTypes() {
        return received().stream().map(request -> request.json().path("type").asString()).toList();
    }

    /** The subscription's delivery log, newest first, as the API shows it. */
    List<JsonNode> deliveries() {
        Response log = api.get("/api/webhook-subscriptions/" + id + "/deliveries");
        Api.expect(log, 200);
        List<JsonNode> deliveries = new ArrayList<>();
        log.json().path("deliveries").forEach(deliveries::add);
        return deliveries;
    }

    /** The one event in the delivery log. */
    JsonNode onlyDelivery() {
        List<JsonNode> deliveries = deliveries();
        if (deliveries.size() != 1) {
            throw new AssertionError("expected one delivery, got " + deliveries);
        }
        return deliveries.get(0);
    }

    /** Whether {@code request}'s signature header signs its time and body under the secret. */
    boolean isSigned(Receiver.Request request) {
        return isSigned(request.header("X-Janela-Signature-256"), request.body());
    }

    /** Whether {@code header} signs {@code body} under the secret. */
    boolean isSigned(String header, byte[] body) {
        Matcher parts = SIGNATURE.matcher(header == null ? "" : header);
        if (!parts.matches()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((parts.group(1) + ".").getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(mac.doFinal(body), HexFormat.of().parseHex(parts.group(2)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the subscription, with its events, and stops the receiver: nothing is left for later tests. */
    @Override
    public void close() {
        api.delete("/api/webhook-subscriptions/" + id);
        receiver.stop();
    }
}
