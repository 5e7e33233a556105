package dev.janela.server.message;

import dev.janela.core.template.TemplateBody;
import dev.janela.server.account.Role;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.connector.Connector;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.operations.JanelaMetrics;
import dev.janela.server.conversation.ConversationService.Outbound;
import dev.janela.server.conversation.ConversationService.Sent;
import dev.janela.server.conversation.ConversationService.TemplateRef;
import dev.janela.server.template.Template;
import dev.janela.server.template.Templates;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.Caller;
import dev.janela.server.web.ErrorResponses;
import dev.janela.server.web.MetaError;
import dev.janela.server.web.MetaException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/{phone_number_id}/messages} (and {@code /v23.0/...}): sends in Meta's Cloud API shape, so that a
 * Cloud API client works by changing its base URL. The engine decides each send before anything is sent; a
 * free-form message outside the window is refused at once with {@code 131047}, and nothing is charged.
 */
@RestController
class SendController {
    private final Channels channels;
    private final Templates templates;
    private final ConversationService conversations;
    private final IdempotencyKeys keys;
    private final Connector connector;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final ErrorResponses errors;
    private final RefusedSends refusedSends;
    private final Clock clock;
    private final JanelaMetrics metrics;

    SendController(Channels channels, Templates templates, ConversationService conversations, IdempotencyKeys keys,
            Connector connector, PlatformTransactionManager transactions, JsonMapper json, ErrorResponses errors,
            RefusedSends refusedSends, Clock clock, JanelaMetrics metrics) {
        this.channels = channels;
        this.templates = templates;
        this.conversations = conversations;
        this.keys = keys;
        this.connector = connector;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.errors = errors;
        this.refusedSends = refusedSends;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping(path = "/{version:v[0-9]+(?:\\.[0-9]+)?}/{phoneNumberId}/messages")
    ResponseEntity<Object> send(@PathVariable String phoneNumberId, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        Channel channel = channels.find(caller.accountId(), phoneNumberId).orElseThrow(() ->
                new MetaException(MetaError.NOT_FOUND, "there is no channel with phone_number_id " + phoneNumberId));
        byte[] request = body == null ? new byte[0] : body;
        if (key == null || key.isBlank()) {
            Delivered delivered = decide(channel, () -> transaction.execute(status -> process(channel, request,
                    caller)));
            connector.deliver(channel, delivered.sent.wamid(), delivered.waId);
            return answer(delivered.response);
        }
        Optional<IdempotencyKeys.Answer> kept = keys.claim(caller.accountId(), key, sha256(request));
        if (kept.isPresent()) {
            return ResponseEntity.status(kept.get().status()).contentType(MediaType.APPLICATION_JSON)
                    .body(kept.get().body());
        }
        Delivered delivered;
        try {
            delivered = decide(channel, () -> transaction.execute(status -> {
                Delivered done = process(channel, request, caller);
                keys.keep(caller.accountId(), key, 200, done.response);
                return done;
            }));
        } catch (MetaException refusal) {
            ResponseEntity<Object> answer = errors.of(refusal.error(), refusal.details());
            keys.keepRefusal(caller.accountId(), key, refusal.error().status(),
                    json.writeValueAsString(answer.getBody()));
            return answer;
        } catch (RuntimeException failure) {
            keys.release(caller.accountId(), key);
            throw failure;
        }
        connector.deliver(channel, delivered.sent.wamid(), delivered.waId);
        return answer(delivered.response);
    }

    /** Runs the send's transaction; a send refused for the window is counted once that has rolled back. */
    private Delivered decide(Channel channel, Supplier<Delivered> send) {
        try {
            Delivered delivered = send.get();
            metrics.sendAccepted();
            return delivered;
        } catch (MetaException refusal) {
            metrics.sendRefused(refusal.error().code());
            if (refusal.error() == MetaError.REENGAGEMENT_MESSAGE) {
                refusedSends.record(channel.accountId(), channel.id(), refusal.error().code(), clock.instant());
            }
            throw refusal;
        }
    }

    /** A send decided and stored, with the answer to give. */
    private record Delivered(Sent sent, String waId, String response) {
    }

    private Delivered process(Channel channel, byte[] body, Caller caller) {
        SendRequest request = SendRequest.read(parse(body));
        Optional<Template> template = request.template().map(part -> approvedTemplate(caller.accountId(), part));
        String text = template.map(found -> render(found, request.template().get()))
                .orElse(request.text().orElse(null));
        Outbound outbound = new Outbound(request.waId(), request.type(),
                template.map(found -> new TemplateRef(found.id(), found.category())), text);
        Sent sent = conversations.send(channel, outbound, caller.author());
        return new Delivered(sent, request.waId(), json.writeValueAsString(response(request, sent)));
    }

    private Template approvedTemplate(long accountId, SendRequest.TemplatePart part) {
        Template template = templates.find(accountId, part.name(), part.language())
                .orElseThrow(() -> new MetaException(MetaError.TEMPLATE_NOT_FOUND, "template " + part.name()
                        + " does not exist in " + part.language()));
        return switch (template.status()) {
            case APPROVED -> template;
            case PAUSED -> throw new MetaException(MetaError.TEMPLATE_PAUSED, "template " + part.name() + " is"
                    + " paused for its quality; it can be sent once it is resumed");
            case DISABLED -> throw new MetaException(MetaError.TEMPLATE_DISABLED, "template " + part.name()
                    + " is disabled");
            case PENDING, REJECTED -> throw new MetaException(MetaError.TEMPLATE_NOT_FOUND, "template "
                    + part.name() + " in " + part.language() + " is not approved");
        };
    }

    /** The message a template makes: its header, body and footer, with the request's values. */
    private static String render(Template template, SendRequest.TemplatePart request) {
        List<String> lines = new ArrayList<>();
        template.header().map(header -> render("header", header, request.header())).ifPresent(lines::add);
        if (template.header().isEmpty() && !request.header().isEmpty()) {
            throw new MetaException(MetaError.TEMPLATE_PARAM_COUNT_MISMATCH, "the template has no header; the"
                    + " request gives it " + request.header().size() + " parameters");
        }
        lines.add(render("body", template.body(), request.parameters()));
        template.footer().map(TemplateBody::text).ifPresent(lines::add);
        return String.join("\n", lines);
    }

    /** One part with the request's values, which must be as many as its parameters, and named alike. */
    private static String render(String part, TemplateBody body, List<SendRequest.Parameter> parameters) {
        if (parameters.size() != body.parameterCount()) {
            throw new MetaException(MetaError.TEMPLATE_PARAM_COUNT_MISMATCH, "the template's " + part + " has "
                    + body.parameterCount() + " parameters; the request gives " + parameters.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int index = 0; index < parameters.size(); index++) {
            SendRequest.Parameter parameter = parameters.get(index);
            String name = body.isNamed() ? parameter.name().orElse("") : body.parameters().get(index);
            if (!body.parameters().contains(name)) {
                throw new MetaException(MetaError.TEMPLATE_PARAM_COUNT_MISMATCH, "parameter " + (index + 1)
                        + " needs parameter_name, one of " + body.parameters());
            }
            values.put(name, parameter.value());
        }
        if (values.size() != body.parameterCount()) {
            throw new MetaException(MetaError.TEMPLATE_PARAM_COUNT_MISMATCH, "each of the template's parameters "
                    + body.parameters() + " needs one value");
        }
        return body.render(values);
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new MetaException(MetaError.INVALID_PARAMETER, "the request has no body; send a JSON object");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException malformed) {
            throw new MetaException(MetaError.INVALID_PARAMETER, "the request body is not valid JSON");
        }
    }

    /** Meta's answer to a send: the contact, and the message's id ({@code message_status} for templates). */
    private static Map<String, Object> response(SendRequest request, Sent sent) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", sent.wamid());
        if (request.isTemplate()) {
            message.put("message_status", "accepted");
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("messaging_product", "whatsapp");
        response.put("contacts", List.of(Map.of("input", request.to(), "wa_id", request.waId())));
        response.put("messages", List.of(message));
        return response;
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
