package dev.janela.server.send;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ErrorResponses;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/{phone_number_id}/messages} (and {@code /v23.0/...}): sends in Meta's Cloud API shape, so that a
 * Cloud API client works by changing its base URL. The engine decides each send before anything is sent; a
 * free-form message outside the window is refused at once with {@code 131047}, and nothing is charged. The body is
 * JSON; a request without a {@code Content-Type}, which Spring reads as {@code application/octet-stream}, is read as
 * JSON too, as it always was, while a form (what {@code curl -d} sends unless told) is refused, saying what to send.
 */
@RestController
class SendController {
    private final Channels channels;
    private final Sends sends;
    private final IdempotencyKeys keys;
    private final JsonMapper json;
    private final ErrorResponses errors;

    SendController(Channels channels, Sends sends, IdempotencyKeys keys, JsonMapper json, ErrorResponses errors) {
        this.channels = channels;
        this.sends = sends;
        this.keys = keys;
        this.json = json;
        this.errors = errors;
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping(path = {"/{version:v[0-9]+(?:\\.[0-9]+)?}/{phoneNumberId}/messages",
        "/{phoneNumberId:[0-9]+}/messages"}, consumes = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<Object> send(@PathVariable String phoneNumberId, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, Caller caller) {
        Channel channel = channels.find(caller.accountId(), phoneNumberId).orElseThrow(() ->
                new Refusal(Reason.NOT_FOUND, "there is no channel with phone_number_id " + phoneNumberId));
        byte[] request = body == null ? new byte[0] : body;
        if (key == null || key.isBlank()) {
            Sends.Delivered delivered = sends.decide(caller, channel, request);
            sends.deliver(channel, delivered);
            return answer(delivered.response());
        }
        Optional<IdempotencyKeys.Answer> kept = keys.claim(caller.accountId(), key, sha256(request));
        if (kept.isPresent()) {
            return ResponseEntity.status(kept.get().status()).contentType(MediaType.APPLICATION_JSON)
                    .body(kept.get().body());
        }
        // The refusal's answer is kept with the refusal, in its transaction, and is the one the caller gets.
        AtomicReference<ResponseEntity<Object>> refusedAnswer = new AtomicReference<>();
        Sends.Delivered delivered;
        try {
            delivered = sends.decide(caller, channel, request,
                    done -> keys.keep(caller.accountId(), key, 200, done.response()),
                    refusal -> refusedAnswer.set(keep(caller, key, errors.cloudAnswer(refusal))));
        } catch (Refusal refusal) {
            return refusedAnswer.get();
        } catch (RuntimeException failure) {
            keys.release(caller.accountId(), key);
            throw failure;
        }
        sends.deliver(channel, delivered);
        return answer(delivered.response());
    }

    /** Keeps {@code answer} as the key's, in the caller's transaction; returns it. */
    private ResponseEntity<Object> keep(Caller caller, String key, ResponseEntity<Object> answer) {
        keys.keep(caller.accountId(), key, answer.getStatusCode().value(), json.writeValueAsString(answer.getBody()));
        return answer;
    }

    private static ResponseEntity<Object> answer(String response) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
