package dev.janela.server.testfixtures;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Meta's Graph API, answering as Meta does: sends get a {@code wamid}, templates are created
 * {@code PENDING} and listed with paging. A test scripts what the next sends get (an error, no answer, a lost
 * connection) and reads back every request that reached it. One per test run, on a port of its own.
 */
public final class GraphStandIn {
    public static final String ACCESS_TOKEN = "test-access-token";
    public static final String API_VERSION = "v24.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SEND = Pattern.compile("/" + Pattern.quote(API_VERSION) + "/([^/]+)/messages");
    private static final Pattern TEMPLATES = Pattern.compile("/" + Pattern.quote(API_VERSION)
            + "/([^/]+)/message_templates");
    private static final GraphStandIn INSTANCE = new GraphStandIn();

    private final int port;
    private volatile HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(0);
    private volatile String recategorizeAs;

    /** A request that reached the stand-in. */
    public record Request(String method, String path, String authorization, JsonNode body) {
    }

    private sealed interface Reply {
    }

    private record Error(int status, int code, String message) implements Reply {
    }

    private record Hold() implements Reply {
    }

    private record Drop() implements Reply {
    }

    private GraphStandIn() {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort),
                    0);
            listening.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "graph-stand-in");
                thread.setDaemon(true);
                return thread;
            }));
            listening.createContext("/", this::handle);
            listening.start();
            return listening;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops listening: connections are refused, as when Meta cannot be reached, until {@link #comeBack()}. */
    public synchronized void goDown() {
        server.stop(0);
    }

    /** Listens again, on the same port. */
    public synchronized void comeBack() {
        server = listen(port);
    }

    public static GraphStandIn get() {
        return INSTANCE;
    }

    /** Forgets every request, script, template and held answer of an earlier test. */
    public synchronized void reset() {
        release();
        received.clear();
        scripts.clear();
        templates.clear();
        recategorizeAs = null;
    }

    /**
     * The next {@code times} sends from the number {@code phoneNumberId} are answered with Meta's error
     * {@code code}, in HTTP {@code status}.
     */
    public void failNext(String phoneNumberId, int times, int status, int code, String message) {
        for (int i = 0; i < times; i++) {
            script(phoneNumberId).add(new Error(status, code, message));
        }
    }

    /** The number's next send gets no answer until {@link #release()}: Janela's request times out. */
    public void holdNext(String phoneNumberId) {
        held = new CountDownLatch(1);
        script(phoneNumberId).add(new Hold());
    }

    /** The number's next send has its connection closed once the request is read, with no answer. */
    public void dropNext(String phoneNumberId) {
        script(phoneNumberId).add(new Drop());
    }

    private Deque<Reply> script(String phoneNumberId) {
        return scripts.computeIfAbsent(phoneNumberId, number -> new ConcurrentLinkedDeque<>());
    }

    /** Lets held answers go. */
    public void release() {
        held.countDown();
    }

    /** Templates created from now on are approved as {@code category}, as Meta does with a wrong category. */
    public void recategorizeAs(String category) {
        recategorizeAs = category;
    }

    /** Sets a template's status and category at "Meta", as its review or a re-categorisation would. */
    public synchronized void changeTemplate(String name, String language, String status, String category) {
        Map<String, Object> template = templates.get(name + "/" + language);
        template.put("status", status);
        template.put("category", category);
    }

    /** A template made at "Meta" directly (in its own tools), with its body. */
    public synchronized void addTemplate(String name, String language, String status, String category,
            String body) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("id", "tpl-" + ids.incrementAndGet());
        template.put("name", name);
        template.put("language", language);
        template.put("status", status);
        template.put("category", category);
        template.put("components", List.of(Map.of("type", "BODY", "text", body)));
        templates.put(name + "/" + language, template);
    }

    /** The templates "Meta" holds, as its list gives them. */
    public synchronized List<Map<String, Object>> templates() {
        return templates.values().stream().<Map<String, Object>>map(LinkedHashMap::new).toList();
    }

    public List<Request> received() {
        return List.copyOf(received);
    }

    /**
     * The sends from the number {@code phoneNumberId} that reached the stand-in, in order. (Tests share a database,
     * so a pass may also send what an earlier test left queued for its own channel.)
     */
    public List<Request> sends(String phoneNumberId) {
        return received.stream().filter(request -> {
            Matcher send = SEND.matcher(request.path());
            return send.matches() && send.group(1).equals(phoneNumberId);
        }).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.add(new Request(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body.length == 0 ? JSON.nullNode() : JSON.readTree(body)));
            if (!("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, error(190, "Invalid OAuth access token"));
                return;
            }
            Matcher send = SEND.matcher(path);
            Matcher templatesPath = TEMPLATES.matcher(path);
            if (send.matches() && exchange.getRequestMethod().equals("POST")) {
                send(exchange, script(send.group(1)).poll());
            } else if (templatesPath.matches() && exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 200, JSON.writeValueAsBytes(createTemplate(JSON.readTree(body))));
            } else if (templatesPath.matches() && exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 200, JSON.writeValueAsBytes(listTemplates(exchange.getRequestURI().getQuery())));
            } else {
                answer(exchange, 400, error(100, "Unsupported request: " + exchange.getRequestMethod() + " " + path));
            }
        }
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply instanceof Error error) {
            answer(exchange, error.status(), error(error.code(), error.message()));
            return;
        }
        if (reply instanceof Hold) {
            try {
                held.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        if (reply instanceof Drop) {
            return;
        }
        Map<String, Object> response = Map.of("messaging_product", "whatsapp",
                "messages", List.of(Map.of("id", "wamid.meta-" + ids.incrementAndGet())));
        answer(exchange, 200, JSON.writeValueAsBytes(response));
    }

    private synchronized Map<String, Object> createTemplate(JsonNode request) {
        String name = request.path("name").asString();
        String language = request.path("language").asString();
        String category = recategorizeAs != null ? recategorizeAs
                : request.path("category").asString().toUpperCase(Locale.ROOT);
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("id", "tpl-" + ids.incrementAndGet());
        template.put("name", name);
        template.put("language", language);
        template.put("status", "PENDING");
        template.put("category", category);
        templates.put(name + "/" + language, template);
        return Map.of("id", template.get("id"), "status", "PENDING", "category", category);
    }

    /** Meta's list, a page at a time: {@code limit} templates, then a cursor to the next page. */
    private synchronized Map<String, Object> listTemplates(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        int limit = Integer.parseInt(parameters.getOrDefault("limit", "25"));
        int after = Integer.parseInt(parameters.getOrDefault("after", "0"));
        List<Map<String, Object>> all = new ArrayList<>(templates.values());
        List<Map<String, Object>> page = all.subList(Math.min(after, all.size()), Math.min(after + limit,
                all.size()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("data", page);
        if (after + limit < all.size()) {
            response.put("paging", Map.of("cursors", Map.of("after", Integer.toString(after + limit))));
        }
        return response;
    }

    private static byte[] error(int code, String message) {
        return JSON.writeValueAsBytes(Map.of("error", Map.of("message", "(#" + code + ") " + message,
                "type", "OAuthException", "code", code, "fbtrace_id", "AbCdEf")));
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Points the server under test at the stand-in, before its settings are bound. */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("graph stand-in",
                    Map.of("janela.meta.base-url", "http://localhost:" + INSTANCE.port)));
        }
    }
}
