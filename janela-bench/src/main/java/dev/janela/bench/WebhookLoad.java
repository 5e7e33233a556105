package dev.janela.bench;

import com.sun.net.httpserver.HttpServer;
import dev.janela.bench.graph.WebhookBodies;
import dev.janela.bench.graph.WebhookSignature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads a running Janela with signed inbound-message webhooks, as Meta would deliver them, and reports how many it
 * acknowledged a second and how long each took. It adds a channel of its own and a rate card (in force from now on)
 * to the account of the token, so that every message is priced; each delivery carries one customer's message.
 *
 * <pre>
 * JANELA_TOKEN=... JANELA_META_APP_SECRET=... java -cp janela-bench/target/benchmarks.jar \
 *     dev.janela.bench.WebhookLoad --deliveries 20000 --concurrency 32
 * </pre>
 *
 * <p>Options: {@code --url} (default {@code http://localhost:8080}), {@code --deliveries} (20000),
 * {@code --concurrency} requests in flight (32), {@code --customers} (5000), {@code --seed} (1),
 * {@code --subscribe yes} to subscribe a receiver of its own to every event and count what reaches it (no),
 * {@code --write-bodies FILE} to set the channel and the rate card up and write the deliveries to {@code FILE}
 * rather than post them, one a line as the signature, a tab and the body, for {@code wrk-posts.lua} to post
 * ({@code --bad-signature yes} writes signatures made with another secret, which Janela refuses).
 * Secrets come from the environment, never the command line. Exit status 0, 1 if any delivery was not answered 200,
 * 2 on bad usage.
 */
public final class WebhookLoad {
    private static final String NAME = "WebhookLoad";
    private static final String RATES = "market,category,price,currency\n*,user_initiated,0.0100,USD\n"
            + "*,business_initiated,0.0600,USD\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;
    private final WebhookSignature signature;
    private final LoadTool tool;

    private WebhookLoad(URI base, String token, String appSecret, LoadTool tool) {
        this.tool = tool;
        this.base = base;
        this.token = token;
        this.signature = new WebhookSignature(appSecret);
    }

    public static void main(String[] args) throws Exception {
        LoadTool tool = new LoadTool(NAME, Map.of("--url", "http://localhost:8080", "--deliveries", "20000",
                "--concurrency", "32", "--customers", "5000", "--seed", "1", "--subscribe", "no",
                "--write-bodies", "", "--bad-signature", "no"), args);
        String token = System.getenv("JANELA_TOKEN");
        String secret = System.getenv("JANELA_META_APP_SECRET");
        if (token == null || secret == null) {
            tool.usage("set JANELA_TOKEN and JANELA_META_APP_SECRET, as janela serve printed them on its first start");
        }
        boolean subscribe = tool.yesOrNo("--subscribe");
        boolean badSignature = tool.yesOrNo("--bad-signature");
        WebhookLoad load = new WebhookLoad(URI.create(tool.option("--url")), token,
                badSignature ? secret + "-not" : secret, tool);
        if (!tool.option("--write-bodies").isEmpty()) {
            load.writeBodies(Path.of(tool.option("--write-bodies")), tool.number("--deliveries"),
                    tool.number("--customers"), Long.parseLong(tool.option("--seed")));
            return;
        }
        int failures = load.run(tool.number("--deliveries"), tool.number("--concurrency"),
                tool.number("--customers"), Long.parseLong(tool.option("--seed")), subscribe);
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Adds a channel of its own and a rate card in force from now on; returns the channel's phone_number_id. */
    private String setUp() throws IOException, InterruptedException {
        String channel = "load" + System.currentTimeMillis();
        tool.expect(post("/api/channels", "application/json", "{\"phone_number_id\":\"" + channel
                + "\",\"number\":\"+5511999990000\"}"), 201, "add a channel");
        tool.expect(post("/api/rate-cards", "text/csv", RATES), 201, "upload a rate card");
        return channel;
    }

    /** Writes {@code deliveries} signed deliveries to {@code file}, one a line: the signature, a tab, the body. */
    private void writeBodies(Path file, int deliveries, int customers, long seed)
            throws IOException, InterruptedException {
        String channel = setUp();
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < deliveries; i++) {
                byte[] body = delivery(channel, "wamid.load-" + channel + "-" + i,
                        Long.toString(5_521_900_000_000L + random.nextInt(customers)))
                        .getBytes(StandardCharsets.UTF_8);
                out.write(signature.of(body));
                out.write('\t');
                out.write(new String(body, StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
        System.out.printf(Locale.ROOT, "%,d deliveries to channel %s written to %s%n", deliveries, channel, file);
    }

    private int run(int deliveries, int concurrency, int customers, long seed, boolean subscribe) throws Exception {
        String channel = setUp();
        AtomicInteger events = new AtomicInteger();
        HttpServer receiver = subscribe ? receiver(events) : null;

        SplittableRandom random = new SplittableRandom(seed);
        Semaphore inFlight = new Semaphore(concurrency);
        long[] latencies = new long[deliveries];
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<?>[] sent = new CompletableFuture<?>[deliveries];
        long start = System.nanoTime();
        for (int i = 0; i < deliveries; i++) {
            byte[] body = delivery(channel, "wamid.load-" + channel + "-" + i,
                    Long.toString(5_521_900_000_000L + random.nextInt(customers))).getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/webhooks/whatsapp"))
                    .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature.of(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            inFlight.acquire();
            int index = i;
            long sentAt = System.nanoTime();
            sent[i] = http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                latencies[index] = System.nanoTime() - sentAt;
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
                inFlight.release();
                return null;
            });
            if ((i + 1) % 5_000 == 0) {
                System.err.printf(Locale.ROOT, "%s: %,d sent%n", NAME, i + 1);
            }
        }
        CompletableFuture.allOf(sent).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (receiver != null) {
            reportEvents(events, start);
            receiver.stop(0);
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%,d deliveries in %.2f s: %,.0f a second, %d concurrent; latency p50 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms; %d not answered 200%n", deliveries, seconds, deliveries / seconds,
                concurrency, LoadTool.millis(latencies, 0.50), LoadTool.millis(latencies, 0.99),
                latencies[deliveries - 1] / 1e6, failed.get());
        return failed.get();
    }

    /**
     * A receiver of the events Janela sends the business, subscribed to all of them: each inbound message that
     * opens a session makes three (the session, the message, the charge), written with it and sent after it.
     */
    private HttpServer receiver(AtomicInteger events) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_024);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                events.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        tool.expect(post("/api/webhook-subscriptions", "application/json", "{\"url\":\"http://localhost:"
                + server.getAddress().getPort() + "/events\",\"events\":[\"message.received\",\"message.status\","
                + "\"session.opened\",\"session.ended\",\"charge.recorded\"]}"), 201, "subscribe a receiver");
        return server;
    }

    /** Waits until no event has come for five seconds, then says how many came, and how fast. */
    private static void reportEvents(AtomicInteger events, long start) throws InterruptedException {
        int seen = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() - lastChange < Duration.ofSeconds(5).toNanos()) {
            if (events.get() != seen) {
                seen = events.get();
                lastChange = System.nanoTime();
            }
            Thread.sleep(100);
        }
        double seconds = (lastChange - start) / 1e9;
        System.out.printf(Locale.ROOT, "%,d events reached the subscribed receiver %.2f s after the first delivery:"
                + " %,.0f a second%n", seen, seconds, seen / seconds);
    }

    private static String delivery(String channel, String wamid, String customer) {
        return WebhookBodies.textMessage(channel, wamid, customer, "Load", System.currentTimeMillis() / 1000, "Hi");
    }

    private HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
