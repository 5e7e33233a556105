package dev.janela.bench.graph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Graph API as Meta's connector uses it, on a port of the loopback interface: every send gets an id and is
 * recorded with the time it arrived, and, when Meta's webhooks are given, is followed by its statuses and some
 * replies; templates are approved as they are submitted; a template list is empty.
 */
public final class GraphStandIn implements AutoCloseable {
    private static final Pattern SEND = Pattern.compile("/v[0-9.]+/([^/]+)/messages");
    private static final Pattern TEMPLATES = Pattern.compile("/v[0-9.]+/([^/]+)/message_templates");
    private static final Pattern NAME_FIELD = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CALLBACK_FIELD = Pattern.compile("\"biz_opaque_callback_data\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TO_FIELD = Pattern.compile("\"(?:to|recipient)\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * A send as it reached the stand-in.
     *
     * @param phoneNumberId the business number it was sent from
     * @param callbackData the {@code biz_opaque_callback_data} it carried: Janela puts its own message id there
     * @param to the customer it was sent to: a number, or a BSUID
     * @param nanos when it arrived, by {@link System#nanoTime()}
     */
    public record Arrival(String phoneNumberId, String callbackData, String to, long nanos) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final Optional<MetaWebhooks> webhooks;

    private GraphStandIn(int port, Optional<MetaWebhooks> webhooks) throws IOException {
        this.webhooks = webhooks;
        // A backlog and threads for a whole second's burst: a full backlog would hold connections back a second.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_024);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange);
            }
        });
    }

    /** Starts listening on {@code port}; 0 for any free one. */
    public static GraphStandIn start(int port) throws IOException {
        return start(port, Optional.empty());
    }

    /** Starts listening on {@code port}, with {@code webhooks} posting back what Meta would after each send. */
    public static GraphStandIn start(int port, Optional<MetaWebhooks> webhooks) throws IOException {
        GraphStandIn standIn = new GraphStandIn(port, webhooks);
        standIn.server.start();
        return standIn;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The sends that arrived so far, in the order they did. */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    public int arrived() {
        return arrivals.size();
    }

    private void answer(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        Matcher send = SEND.matcher(path);
        if (send.matches()) {
            Matcher callback = CALLBACK_FIELD.matcher(request);
            Matcher to = TO_FIELD.matcher(request);
            Arrival arrival = new Arrival(send.group(1), callback.find() ? callback.group(1) : "",
                    to.find() ? to.group(1) : "", arrived);
            arrivals.add(arrival);
            String wamid = "wamid.stand-in-" + ids.incrementAndGet();
            respond(exchange, "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"" + wamid + "\"}]}");
            webhooks.ifPresent(meta -> meta.followSend(arrival.phoneNumberId(), wamid, arrival.to(),
                    arrival.callbackData()));
        } else if (TEMPLATES.matcher(path).matches() && exchange.getRequestMethod().equals("POST")) {
            Matcher name = NAME_FIELD.matcher(request);
            respond(exchange, "{\"id\":\"tpl-" + (name.find() ? name.group(1) : "x")
                    + "\",\"status\":\"APPROVED\",\"category\":\"UTILITY\"}");
        } else {
            respond(exchange, "{\"data\":[]}");
        }
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        webhooks.ifPresent(MetaWebhooks::close);
    }
}
