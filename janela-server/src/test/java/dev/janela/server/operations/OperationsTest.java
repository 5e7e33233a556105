package dev.janela.server.operations;

import static dev.janela.server.testfixtures.TestServer.BRAZIL_RATES;
import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import dev.janela.server.ui.WebPages;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** Health without a token, Janela's metrics for Prometheus, and an OpenAPI document of every endpoint. */
@JanelaServerTest
class OperationsTest {
    @Autowired
    private TestServer server;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private Api api;

    @BeforeEach
    void newAccount() {
        api = server.newAccount();
    }

    @Test
    void health_answersWithoutAToken() {
        Response health = api.exchange(HttpRequest.newBuilder(api.base().resolve("/actuator/health")).GET());

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void metrics_needAToken_andCountWebhooksSendsAndCharges() {
        String channel = api.addChannel();
        api.uploadRates(BRAZIL_RATES);
        String delivery = payload(channel, List.of(text("wamid.m1", "5521987650901", START, "Oi")), List.of());
        Map<String, Double> before = metrics();

        api.webhook(delivery);
        api.webhook(delivery);
        api.webhook(payload(channel, List.of(text("wamid." + "q".repeat(300), "5521987650901", START, "Oi")),
                List.of()));
        api.sendText(channel, "5521987650901", "Hello");
        api.sendText(channel, "5521987650902", "Hello?");

        Map<String, Double> after = metrics();
        assertThat(delta(before, after, "janela_webhooks_received_total")).isEqualTo(3);
        assertThat(delta(before, after, "janela_webhook_items_total{result=\"applied\",type=\"message\"}"))
                .isEqualTo(1);
        assertThat(delta(before, after, "janela_webhook_items_total{result=\"duplicate\",type=\"message\"}"))
                .isEqualTo(1);
        assertThat(delta(before, after, "janela_webhook_items_total{result=\"quarantined\",type=\"message\"}"))
                .isEqualTo(1);
        assertThat(delta(before, after, "janela_sends_total{code=\"\",outcome=\"accepted\"}")).isEqualTo(1);
        assertThat(delta(before, after, "janela_sends_total{code=\"131047\",outcome=\"refused\"}")).isEqualTo(1);
        assertThat(delta(before, after, "janela_charges_total{category=\"user_initiated\",kind=\"charge\"}"))
                .isEqualTo(1);
        assertThat(delta(before, after, "janela_charges_amount_total{category=\"user_initiated\","
                + "currency=\"USD\",kind=\"charge\"}")).isCloseTo(0.0068, offset(1e-9));
        assertThat(after.keySet()).anyMatch(name -> name.startsWith("janela_window_decisions_seconds_count"));
        assertThat(api.exchange(HttpRequest.newBuilder(api.base().resolve("/actuator/prometheus")).GET()).status())
                .isEqualTo(401);
    }

    @Test
    void theOpenApiDocument_isServedWithoutAToken_andListsEveryEndpoint() {
        Response answer = api.exchange(HttpRequest.newBuilder(api.base().resolve("/openapi.json")).GET());
        JsonNode document = answer.json();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("info").path("title").asString()).isEqualTo("Janela");
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            assertThat(operation.getValue().path("responses").isEmpty()).as(path.getKey()).isFalse();
        }));
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertThat(references).isNotEmpty().allSatisfy(reference ->
                assertThat(document.at(reference.substring(1)).isMissingNode()).as("%s resolves", reference)
                        .isFalse());
        assertThat(endpoints()).hasSizeGreaterThan(20).contains("POST /{version}/{phoneNumberId}/messages",
                "GET /webhooks/whatsapp", "GET /api/reports/costs");
        assertThat(documented).containsAll(endpoints()).contains("POST /webhooks/whatsapp");
    }

    /** Every {@code $ref} in the document, which must each name a part of it. */
    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asString());
                } else {
                    collectReferences(field.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }

    /** Every endpoint Janela's controllers declare, as "METHOD /path". */
    /** The API's endpoints: those of Janela's controllers but the web pages'. */
    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("dev.janela.")
                    && !handler.getBeanType().isAnnotationPresent(WebPages.class)) {
                for (String path : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(method -> endpoints.add(method.name() + " "
                            + path.replaceAll("\\{(\\w+):[^}]*}", "{$1}")));
                }
            }
        });
        return endpoints;
    }

    private Map<String, Double> metrics() {
        Response scraped = api.get("/actuator/prometheus", "text/plain");
        assertThat(scraped.status()).isEqualTo(200);
        Map<String, Double> values = new HashMap<>();
        Matcher line = Pattern.compile("(?m)^(janela_[^ ]+) ([0-9.eE+-]+)$").matcher(scraped.body());
        while (line.find()) {
            values.put(line.group(1), Double.parseDouble(line.group(2)));
        }
        return values;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }
}
