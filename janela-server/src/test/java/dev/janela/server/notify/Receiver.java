package dev.janela.server.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A business's receiver, stood in for by the JDK's HTTP server on a free port of this machine: it keeps every request
 * it is sent, byte for byte, and answers each with the status it is told (200 unless told otherwise). It can be
 * stopped, so that connections are refused, and started again on the same port.
 */
final class Receiver implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile int status = 200;
    private HttpServer server;

    /**
     * A request as it arrived.
     *
     * @param headers its headers' first values, by lower-case name
     * @param body its body's bytes
     */
    record Request(Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Receiver(HttpServer server) {
        this.server = server;
        this.port = server.getAddress().getPort();
    }

    /** A receiver listening on a free port. */
    static Receiver start() {
        Receiver receiver = new Receiver(listen(0));
        receiver.serve();
        return receiver;
    }

    /** Where it takes events. */
    String url() {
        return "http://127.0.0.1:" + port + "/janela-events";
    }

    /** From now on, answers every request with {@code code}. */
    void answer(int code) {
        status = code;
    }

    /** Stops listening: connections to it are refused. */
    void stop() {
        server.stop(0);
    }

    /** Listens again, on the same port. */
    void restart() {
        server = listen(port);
        serve();
    }

    /** Every request it was sent, in the order they came. */
    List<Request> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        stop();
    }

    private void serve() {
        server.createContext("/", this::take);
        server.start();
    }

    private void take(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                values.get(0)));
        received.add(new Request(headers, exchange.getRequestBody().readAllBytes()));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static HttpServer listen(int port) {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
