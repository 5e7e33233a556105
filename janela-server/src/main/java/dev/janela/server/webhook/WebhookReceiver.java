package dev.janela.server.webhook;

import dev.janela.server.operations.JanelaMetrics;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.web.ErrorResponses;
import dev.janela.server.web.RequestSizeFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/whatsapp}, where Meta delivers: answered in front of the rest of the web stack, since a
 * delivery proves itself by its signature and needs none of what the pages and the API go through (sessions, security
 * headers, handler mapping, argument conversion), which cost many times what checking and applying it does. A
 * delivery is answered 200 only once every item in it is committed, so that Meta sends it again if anything failed;
 * an item already applied changes nothing. The subscription handshake ({@code GET}) goes on to
 * {@link WebhookController}.
 */
@Component
final class WebhookReceiver implements Filter {
    static final String PATH = "/webhooks/whatsapp";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    /** The one answer to every delivery that is not signed with the app secret, made once. */
    private static final Refusal UNSIGNED = new Refusal(Reason.UNAUTHENTICATED, "X-Hub-Signature-256 is missing or"
            + " is not the signature of this body with the app secret");

    private final WebhookSecrets secrets;
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final JanelaMetrics metrics;
    private final ErrorResponses errors;

    WebhookReceiver(WebhookSecrets secrets, Deliveries deliveries, JsonMapper json, JanelaMetrics metrics,
            ErrorResponses errors) {
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.json = json;
        this.metrics = metrics;
        this.errors = errors;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        long started = System.nanoTime();
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        try {
            receive(request);
            response.setStatus(HttpServletResponse.SC_OK);
        } catch (Refusal refusal) {
            errors.write(request, response, refusal);
        } catch (RuntimeException unexpected) {
            LOG.error("A webhook delivery could not be applied, and Meta will deliver it again", unexpected);
            errors.write(request, response, Refusal.internal());
        }
        metrics.webhookAnswered(response.getStatus(), System.nanoTime() - started);
    }

    private void receive(HttpServletRequest request) throws IOException {
        byte[] body = read(request);
        if (!Signatures.isValid(request.getHeader("X-Hub-Signature-256"), body, secrets.appSecret())) {
            throw UNSIGNED;
        }
        metrics.webhookReceived();
        deliveries.apply(parse(body));
    }

    private static byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > RequestSizeFilter.LIMIT_BYTES) {
            throw RequestSizeFilter.tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(RequestSizeFilter.LIMIT_BYTES + 1);
            if (body.length > RequestSizeFilter.LIMIT_BYTES) {
                throw RequestSizeFilter.tooLarge();
            }
            return body;
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new Refusal(Reason.INVALID_REQUEST, "a webhook body must be a JSON object");
            }
            return tree;
        } catch (JacksonException malformed) {
            throw new Refusal(Reason.INVALID_REQUEST, "the webhook body is not valid JSON");
        }
    }
}
