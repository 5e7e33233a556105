package dev.janela.server.send;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.template.TemplateBody;
import dev.janela.server.access.Caller;
import dev.janela.server.channel.Channel;
import dev.janela.server.connector.Connector;
import dev.janela.server.consent.Consent;
import dev.janela.server.conversation.ConversationService;
import dev.janela.server.conversation.Messages;
import dev.janela.server.conversation.Outbound;
import dev.janela.server.conversation.Outbound.TemplateRef;
import dev.janela.server.conversation.Sent;
import dev.janela.server.jdbc.Dialect;
import dev.janela.server.jdbc.GroupCommit;
import dev.janela.server.jdbc.TransactionCache;
import dev.janela.server.operations.JanelaMetrics;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.template.Template;
import dev.janela.server.template.Templates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a request in Meta's Cloud API shape, whoever makes it: a Cloud API client, or an agent in the web pages. The
 * engine decides and the message and charge are stored in one transaction; only then does the connector deliver.
 * A refusal is a {@link Refusal} with Meta's code, and nothing is charged: a marketing template to a customer who
 * opted out of marketing is refused as Meta refuses it (131050), before anything is stored.
 */
@Service
public class Sends implements DisposableBean {
    /**
     * The most sends committed together: few enough that their savepoints stay within what PostgreSQL keeps in memory
     * for a transaction (64 subtransactions), past which every reader of the database slows.
     */
    private static final int MOST_AT_ONCE = 48;

    private final Templates templates;
    private final ConversationService conversations;
    private final Connector connector;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final RefusedSends refusedSends;
    private final Clock clock;
    private final JanelaMetrics metrics;
    private final Messages messages;
    private final Consent consent;
    private final TransactionTemplate savepoint;
    private final GroupCommit<Pending, Decided> commits;

    Sends(Templates templates, ConversationService conversations, Connector connector,
            PlatformTransactionManager transactions, JsonMapper json, RefusedSends refusedSends, Clock clock,
            JanelaMetrics metrics, Messages messages, Dialect dialect, Consent consent) {
        this.messages = messages;
        this.consent = consent;
        this.templates = templates;
        this.conversations = conversations;
        this.connector = connector;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.refusedSends = refusedSends;
        this.clock = clock;
        this.metrics = metrics;
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.commits = new GroupCommit<>("janela-sends", dialect.writers(), MOST_AT_ONCE, transaction,
                new GroupCommit.Work<>() {
                    @Override
                    public Decided together(Pending pending) {
                        return Sends.this.together(pending);
                    }

                    @Override
                    public Decided alone(Pending pending) {
                        return Sends.this.alone(pending);
                    }
                });
    }

    /** A send decided and stored, with Meta's answer to give. */
    public record Delivered(Sent sent, String customer, String response) {
    }

    /**
     * Decides and stores the send of {@code body}, a Cloud API request, and returns once it is committed. What the
     * caller keeps of the outcome commits with it: {@code alsoInTransaction} runs in the send's transaction (to keep
     * an idempotency key's answer with the message it answers for); {@code alsoOnRefusal} runs, when the send is
     * refused, where the refusal is recorded, once the send's own writes are undone (to keep the key's answer with
     * it). Sends that come at the same time are committed together ({@link GroupCommit}); a refused one leaves the
     * others be.
     *
     * @throws Refusal in Meta's terms, when the send is refused; nothing of it is stored or charged
     */
    public Delivered decide(Caller caller, Channel channel, byte[] body, Consumer<Delivered> alsoInTransaction,
            Consumer<Refusal> alsoOnRefusal) {
        Pending pending;
        try {
            pending = new Pending(caller, channel, read(body), alsoInTransaction, alsoOnRefusal);
        } catch (Refusal unreadable) {
            transaction.executeWithoutResult(status -> alsoOnRefusal.accept(unreadable));
            metrics.sendRefused(unreadable.reason().metaCode());
            throw unreadable;
        }
        Decided decided;
        try {
            decided = commits.apply(pending.route(), pending);
        } catch (GroupCommit.NotTaken busy) {
            throw new Refusal(Reason.UNAVAILABLE, "Janela cannot take this send now: " + busy.getMessage());
        }
        if (decided.refusal() != null) {
            metrics.sendRefused(decided.refusal().reason().metaCode());
            throw decided.refusal();
        }
        metrics.sendAccepted();
        return decided.delivered();
    }

    /** Commits what has been taken, once the web server has stopped taking sends. */
    @Override
    public void destroy() {
        commits.close();
    }

    /** A send, read, waiting for its turn. */
    private record Pending(Caller caller, Channel channel, Read request, Consumer<Delivered> alsoInTransaction,
            Consumer<Refusal> alsoOnRefusal) {
        /** The same for sends to the same customer, so that they go through the same writer. */
        int route() {
            return Long.hashCode(channel.id()) * 31 + request.request().customer().hashCode();
        }
    }

    /** A request's body as JSON, and what it asks for. */
    private record Read(JsonNode parsed, SendRequest request) {
    }

    /** What became of a send: delivered, or refused (and nothing of it stored but the refusal). */
    private record Decided(Delivered delivered, Refusal refusal) {
    }

    /**
     * In a batch: the checks first, which write nothing, so that a send they refuse leaves the batch's transaction as
     * it was; then the send, in a savepoint of its own only if it may still be refused once it has written (a
     * free-form message outside the window, R8), as a savepoint costs PostgreSQL two round trips. A refusal goes in
     * the batch's transaction. A template is not refused past the checks; were one ever, its batch would be rolled
     * back and each of its sends applied alone, which loses nothing.
     */
    private Decided together(Pending pending) {
        Checked checked;
        try {
            checked = check(pending);
        } catch (Refusal refusal) {
            recordRefusal(pending, refusal);
            return new Decided(null, refusal);
        }
        if (checked.template().isPresent()) {
            return new Decided(store(pending, checked), null);
        }
        try {
            return new Decided(savepoint.execute(status -> store(pending, checked)), null);
        } catch (Refusal refusal) {
            recordRefusal(pending, refusal);
            return new Decided(null, refusal);
        }
    }

    /** After its batch was rolled back: the send in a transaction of its own, and its refusal in another. */
    private Decided alone(Pending pending) {
        try {
            return new Decided(transaction.execute(status -> accept(pending)), null);
        } catch (Refusal refusal) {
            transaction.executeWithoutResult(status -> recordRefusal(pending, refusal));
            return new Decided(null, refusal);
        }
    }

    private Delivered accept(Pending pending) {
        return store(pending, check(pending));
    }

    private void recordRefusal(Pending pending, Refusal refusal) {
        if (refusal.reason() == Reason.REENGAGEMENT_MESSAGE) {
            refusedSends.record(pending.channel().accountId(), pending.channel().id(), refusal.reason().metaCode(),
                    clock.instant());
        }
        pending.alsoOnRefusal().accept(refusal);
    }

    /** Decides and stores a send whose outcome the caller keeps nothing of. */
    public Delivered decide(Caller caller, Channel channel, byte[] body) {
        return decide(caller, channel, body, decided -> { }, refused -> { });
    }

    /** Hands a stored send to the connector, once its transaction has committed. */
    public void deliver(Channel channel, Delivered delivered) {
        connector.deliver(channel, delivered.sent().wamid(), delivered.customer());
    }

    private Read read(byte[] body) {
        JsonNode parsed = parse(body);
        return new Read(parsed, SendRequest.read(parsed));
    }

    /** A send that passed the checks: the approved template it names, and the text it makes, if any. */
    private record Checked(Optional<Template> template, Optional<String> text) {
    }

    /**
     * Refuses what the platform would refuse before anything of the send is written: a template that is not
     * approved or not filled as it asks, a marketing template to a customer who opted out, a send the connector's
     * queue would hold too long. Reads only.
     */
    private Checked check(Pending pending) {
        SendRequest request = pending.request().request();
        long accountId = pending.caller().accountId();
        Optional<Template> template = request.template().map(part -> approvedTemplate(accountId, part));
        if (request.toBsuid() && template.filter(found -> found.category() == TemplateCategory.AUTHENTICATION)
                .isPresent()) {
            throw new Refusal(Reason.BSUID_RECIPIENT_UNSUPPORTED, "an authentication template's one-tap, zero-tap"
                    + " and copy-code buttons need the customer's phone number; send it with to");
        }
        if (template.filter(found -> found.category() == TemplateCategory.MARKETING).isPresent()
                && consent.isOptedOut(accountId, request.customer())) {
            throw new Refusal(Reason.MARKETING_OPTED_OUT, "the customer opted out of marketing messages from this"
                    + " business; utility and authentication templates, and replies in an open window, may still be"
                    + " sent to them");
        }
        Optional<String> text = template.map(found -> render(found, request.template().get())).or(request::text);
        connector.admit(pending.channel(), request.customer());
        return new Checked(template, text);
    }

    /**
     * Decides and stores a checked send, and queues it with the connector. Only a free-form message outside the
     * window is refused here (R8), once its customer may have been stored.
     */
    private Delivered store(Pending pending, Checked checked) {
        Channel channel = pending.channel();
        SendRequest request = pending.request().request();
        Outbound outbound = new Outbound(request.customer(), request.type(),
                checked.template().map(found -> new TemplateRef(found.id(), found.category())), checked.text());
        Sent sent = conversations.send(channel, outbound, pending.caller().author());
        request.callbackData().ifPresent(data -> messages.recordCallbackData(channel.id(), sent.wamid(), data));
        connector.accept(channel, sent.id(), sent.wamid(), request.customer(), pending.request().parsed());
        Delivered delivered = new Delivered(sent, request.customer(),
                json.writeValueAsString(response(request, sent)));
        pending.alsoInTransaction().accept(delivered);
        return delivered;
    }

    /** A template by name and language, which every send of a campaign's batch names alike. */
    private record TemplateNamed(long accountId, String name, String language) {
    }

    private Template approvedTemplate(long accountId, SendRequest.TemplatePart part) {
        Optional<Template> found = TransactionCache.get(new TemplateNamed(accountId, part.name(), part.language()),
                () -> templates.find(accountId, part.name(), part.language()));
        Template template = found.orElseThrow(() -> new Refusal(Reason.TEMPLATE_NOT_FOUND, "template "
                + part.name() + " does not exist in " + part.language()));
        return switch (template.status()) {
            case APPROVED -> template;
            case PAUSED -> throw new Refusal(Reason.TEMPLATE_PAUSED, "template " + part.name() + " is"
                    + " paused for its quality; it can be sent once it is resumed");
            case DISABLED -> throw new Refusal(Reason.TEMPLATE_DISABLED, "template " + part.name()
                    + " is disabled");
            case PENDING, REJECTED -> throw new Refusal(Reason.TEMPLATE_NOT_FOUND, "template "
                    + part.name() + " in " + part.language() + " is not approved");
        };
    }

    /** The message a template makes: its header, body and footer, with the request's values. */
    private static String render(Template template, SendRequest.TemplatePart request) {
        List<String> lines = new ArrayList<>();
        template.header().map(header -> render("header", header, request.header())).ifPresent(lines::add);
        if (template.header().isEmpty() && !request.header().isEmpty()) {
            throw new Refusal(Reason.TEMPLATE_PARAM_COUNT_MISMATCH, "the template has no header; the"
                    + " request gives it " + parameters(request.header().size()));
        }
        lines.add(render("body", template.body(), request.parameters()));
        template.footer().map(TemplateBody::text).ifPresent(lines::add);
        return String.join("\n", lines);
    }

    /** One part with the request's values, which must be as many as its parameters, and named alike. */
    private static String render(String part, TemplateBody body, List<SendRequest.Parameter> parameters) {
        if (parameters.size() != body.parameterCount()) {
            throw new Refusal(Reason.TEMPLATE_PARAM_COUNT_MISMATCH, "the template's " + part + " has "
                    + parameters(body.parameterCount()) + "; the request gives " + parameters.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int index = 0; index < parameters.size(); index++) {
            SendRequest.Parameter parameter = parameters.get(index);
            String name = body.isNamed() ? parameter.name().orElse("") : body.parameters().get(index);
            if (!body.parameters().contains(name)) {
                throw new Refusal(Reason.TEMPLATE_PARAM_COUNT_MISMATCH, "parameter " + (index + 1)
                        + " needs parameter_name, one of " + body.parameters());
            }
            values.put(name, parameter.value());
        }
        if (values.size() != body.parameterCount()) {
            throw new Refusal(Reason.TEMPLATE_PARAM_COUNT_MISMATCH, "each of the template's parameters "
                    + body.parameters() + " needs one value");
        }
        return body.render(values);
    }

    /** {@code count} parameters, as a message says it: {@code 1 parameter}, {@code 2 parameters}. */
    private static String parameters(int count) {
        return count + (count == 1 ? " parameter" : " parameters");
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new Refusal(Reason.INVALID_REQUEST, "the request has no body; send a JSON object");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException malformed) {
            throw new Refusal(Reason.INVALID_REQUEST, "the request body is not valid JSON");
        }
    }

    /**
     * Meta's answer to a send: the contact as the request named it, with its number ({@code wa_id}) when the business
     * knows it and its BSUID ({@code user_id}) when Janela does, and the message's id ({@code message_status} for
     * templates).
     */
    private static Map<String, Object> response(SendRequest request, Sent sent) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", sent.wamid());
        if (request.isTemplate()) {
            message.put("message_status", "accepted");
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("messaging_product", "whatsapp");
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("input", request.input());
        sent.customer().phone().ifPresent(phone -> contact.put("wa_id", phone));
        sent.customer().userId().ifPresent(userId -> contact.put("user_id", userId));
        response.put("contacts", List.of(contact));
        response.put("messages", List.of(message));
        return response;
    }

}
