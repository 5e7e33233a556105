package dev.janela.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.Unauthenticated;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Each role may do exactly what it should: what it may not is answered 403, in the API's own error shape. */
@JanelaServerTest
class RolesTest {
    private static final Set<String> EVERYONE = Set.of("admin", "agent", "analyst");

    @Autowired
    private TestServer server;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private Api admin;
    private String channel;
    private long template;

    @BeforeEach
    void accountWithAChannelAndATemplate() {
        admin = server.anAccount().build();
        channel = admin.channel();
        template = admin.post("/api/templates", Map.of("name", "welcome", "language", "en", "category",
                "marketing", "body", "Welcome!")).json().path("id").asLong();
    }

    /** A request and the roles that may make it. */
    private record Endpoint(String name, Set<String> allowed, Function<RolesTest, Function<Api, Response>> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                new Endpoint("GET /api/channels", EVERYONE, test -> api -> api.get("/api/channels")),
                new Endpoint("POST /api/channels", Set.of("admin"), test -> api -> api.post("/api/channels",
                        Map.of("phone_number_id", "pn-" + UUID.randomUUID(), "number", "+5511987654321"))),
                new Endpoint("GET /api/templates", EVERYONE, test -> api -> api.get("/api/templates")),
                new Endpoint("POST /api/templates", Set.of("admin"), test -> api -> api.post("/api/templates",
                        Map.of("name", "t_" + Math.abs(UUID.randomUUID().getLeastSignificantBits()), "language",
                                "en", "category", "utility", "body", "Hi"))),
                new Endpoint("POST /api/templates/{id}/approve", Set.of("admin"), test -> api ->
                        api.post("/api/templates/" + test.template + "/approve", "{}")),
                new Endpoint("POST /api/templates/{id}/reject", Set.of("admin"), test -> api ->
                        api.post("/api/templates/" + test.template + "/reject", Map.of("reason", "no"))),
                new Endpoint("PATCH /api/templates/{id}", Set.of("admin"), test -> api ->
                        api.patch("/api/templates/" + test.template, Map.of("body", "Welcome, friend!"))),
                new Endpoint("POST /api/templates/{id}/pause", Set.of("admin"), test -> api ->
                        api.post("/api/templates/" + test.template + "/pause", "{}")),
                new Endpoint("GET /api/rate-cards", Set.of("admin", "analyst"), test -> api ->
                        api.get("/api/rate-cards")),
                new Endpoint("GET /api/rate-cards/{version}", Set.of("admin", "analyst"), test -> api ->
                        api.get("/api/rate-cards/v1", "text/csv")),
                new Endpoint("POST /api/rate-cards", Set.of("admin"), test -> api -> api.post("/api/rate-cards"
                        + "?effective_from=2030-01-01T00:00:00Z", "text/csv", TestServer.BRAZIL_RATES)),
                new Endpoint("GET window", Set.of("admin", "agent"), test -> api -> api.get("/api/channels/"
                        + test.channel + "/conversations/5521987650501/window")),
                new Endpoint("GET /api/charges", Set.of("admin", "analyst"), test -> api -> api.get("/api/charges")),
                new Endpoint("GET /api/charges as CSV", Set.of("admin", "analyst"), test -> api ->
                        api.get("/api/charges", "text/csv")),
                new Endpoint("GET /api/reports/costs", Set.of("admin", "analyst"), test -> api ->
                        api.get("/api/reports/costs?groupBy=market")),
                new Endpoint("GET /api/reports/costs as CSV", Set.of("admin", "analyst"), test -> api ->
                        api.get("/api/reports/costs", "text/csv")),
                new Endpoint("GET /api/reports/activity", Set.of("admin", "analyst"), test -> api ->
                        api.get("/api/reports/activity")),
                new Endpoint("POST /api/estimates", EVERYONE, test -> api -> api.post("/api/estimates",
                        Map.of("channel", test.channel, "template", Map.of("name", "welcome", "language", "en"),
                                "recipients", List.of("5521987650501")))),
                new Endpoint("GET conversations", Set.of("admin", "agent"), test -> api -> api.get("/api/channels/"
                        + test.channel + "/conversations")),
                new Endpoint("POST /v1/{phone_number_id}/messages", Set.of("admin", "agent"), test -> api ->
                        api.sendText(test.channel, "5521987650501", "Hi")),
                new Endpoint("GET /api/users", Set.of("admin"), test -> api -> api.get("/api/users")),
                new Endpoint("POST /api/users", Set.of("admin"), test -> api -> api.post("/api/users",
                        Map.of("email", UUID.randomUUID() + "@example.com", "name", "New", "role", "agent"))),
                new Endpoint("GET /api/tokens", Set.of("admin"), test -> api -> api.get("/api/tokens")),
                new Endpoint("GET /api/quarantine", Set.of("admin"), test -> api -> api.get("/api/quarantine")),
                new Endpoint("POST /api/tokens", Set.of("admin"), test -> api -> api.post("/api/tokens",
                        Map.of("name", "ci", "role", "analyst"))))
                .flatMap(endpoint -> EVERYONE.stream().map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpoints")
    void eachRole_mayCallExactlyItsEndpoints(Endpoint endpoint, String role) {
        Api caller = role.equals("admin") ? admin : admin.addUser(UUID.randomUUID() + "@example.com", role);

        Response answer = endpoint.call.apply(this).apply(caller);

        if (endpoint.allowed.contains(role)) {
            assertThat(answer.status()).as("%s", answer).isNotIn(401, 403);
        } else {
            assertThat(answer.status()).as("%s", answer).isEqualTo(403);
            assertThat(answer.errorCode()).isIn("forbidden", "10");
        }
    }

    @Test
    void everyEndpoint_saysWhichRolesMayCallIt() {
        List<String> unguarded = mappings.getHandlerMethods().entrySet().stream()
                .filter(mapping -> mapping.getValue().getBeanType().getPackageName().startsWith("dev.janela."))
                .filter(mapping -> !mapping.getKey().getPatternValues().stream()
                        .allMatch(path -> path.startsWith("/webhooks/")))
                .filter(mapping -> !mapping.getValue().hasMethodAnnotation(Allowed.class)
                        && !mapping.getValue().hasMethodAnnotation(Unauthenticated.class))
                .map(mapping -> mapping.getKey().toString())
                .toList();

        assertThat(unguarded).isEmpty();
    }
}
