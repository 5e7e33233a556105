package dev.janela.bench;

import dev.janela.bench.graph.GraphStandIn;
import dev.janela.bench.graph.Seconds;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Loads a running Janela, started with Meta's connector against this program's stand-in for the Graph API, with
 * template sends through its Cloud API endpoint, and reports how fast it accepted them, how fast they reached "Meta",
 * and the most that reached it in any one second, which the channel's throughput bounds.
 *
 * <pre>
 * java -cp janela-bench/target/benchmarks.jar dev.janela.bench.SendLoad --graph-port 8099 --sends 5000 &amp;
 * JANELA_CONNECTOR=meta JANELA_META_ACCESS_TOKEN=load JANELA_META_BASE_URL=http://localhost:8099 ./janela serve
 * </pre>
 *
 * <p>The stand-in listens at once; the load starts when Janela answers. Options: {@code --url} (default
 * {@code http://localhost:8080}), {@code --graph-port} (8099), {@code --sends} (5000), {@code --concurrency} (32),
 * {@code --throughput} the channel's messages a second (80), {@code --warmup} sends first, unmeasured, while the
 * server's compilers are still busy (0), {@code --server-pid} the server's process, to report its CPU time a send
 * beside this program's own (which includes the stand-in's). Each send goes to another customer, so that only the
 * channel's throughput paces them. {@code JANELA_TOKEN} is an admin's token. Exit status 0, 1 if a send was not
 * accepted or did not reach the stand-in within a minute of the last, 2 on bad usage.
 */
public final class SendLoad {
    private static final String NAME = "SendLoad";
    /** Linux's unit of a process's CPU time in {@code /proc}: the same on every architecture it runs on. */
    private static final int TICKS_A_SECOND = 100;
    private static final String RATES = "market,category,price,currency\n*,user_initiated,0.0100,USD\n"
            + "*,business_initiated,0.0600,USD\n*,utility,0.0080,USD\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;
    private final LoadTool tool;
    private final GraphStandIn graph;

    private SendLoad(URI base, String token, LoadTool tool, GraphStandIn graph) {
        this.graph = graph;
        this.base = base;
        this.token = token;
        this.tool = tool;
    }

    public static void main(String[] args) throws Exception {
        LoadTool tool = new LoadTool(NAME, Map.of("--url", "http://localhost:8080", "--graph-port", "8099",
                "--sends", "5000", "--concurrency", "32", "--throughput", "80", "--warmup", "0",
                "--server-pid", "0"), args);
        String token = System.getenv("JANELA_TOKEN");
        if (token == null) {
            tool.usage("set JANELA_TOKEN to an admin's token, as janela serve printed it on its first start");
        }
        try (GraphStandIn graph = GraphStandIn.start(tool.number("--graph-port"))) {
            SendLoad load = new SendLoad(URI.create(tool.option("--url")), token, tool, graph);
            int failures = load.run(tool.count("--warmup"), tool.number("--sends"), tool.number("--concurrency"),
                    tool.number("--throughput"), tool.count("--server-pid"));
            System.exit(failures == 0 ? 0 : 1);
        }
    }

    private int run(int warmup, int sends, int concurrency, int throughput, long serverPid) throws Exception {
        awaitJanela();
        String channel = "load" + System.currentTimeMillis();
        tool.expect(post("/api/channels", "{\"phone_number_id\":\"" + channel + "\",\"number\":\"+5511999990000\"}"),
                201, "add a channel");
        tool.expect(send("PATCH", "/api/channels/" + channel, "application/json", "{\"throughput\":" + throughput
                + "}"), 200, "set the channel's throughput");
        tool.expect(send("POST", "/api/rate-cards", "text/csv", RATES), 201, "upload a rate card");
        tool.expect(send("PUT", "/api/whatsapp-business-account", "application/json", "{\"waba_id\":\"1\"}"), 200,
                "set the WhatsApp Business Account");
        String template = "load_" + channel;
        HttpResponse<String> added = post("/api/templates", "{\"name\":\"" + template + "\",\"language\":\"en\","
                + "\"category\":\"utility\",\"body\":\"Your order has shipped.\"}");
        tool.expect(added, 201, "add a template");
        String id = added.body().replaceAll("(?s).*?\"id\"\\s*:\\s*([0-9]+).*", "$1");
        tool.expect(post("/api/templates/" + id + "/submit", "{}"), 200, "submit the template");

        if (warmup > 0) {
            Phase warming = send(channel, template, 0, warmup, concurrency);
            awaitArrivals(warmup - warming.refused(), throughput);
            System.out.printf(Locale.ROOT, "warm-up: %,d sends, %,.0f accepted a second, unmeasured%n", warmup,
                    warmup / warming.seconds());
        }
        Ticks serverBefore = serverTicks(serverPid);
        Duration ownBefore = ownCpu();
        Phase measured = send(channel, template, warmup, sends, concurrency);
        long start = measured.start();
        awaitArrivals(warmup + sends - measured.refused(), throughput);
        // all the work of the measured sends: accepting them, sending them on, and settling Meta's answers
        Ticks server = serverTicks(serverPid).minus(serverBefore);
        Duration ownAfter = ownCpu();
        long[] reached = graph.arrivals().stream().mapToLong(GraphStandIn.Arrival::nanos).sorted().toArray();
        long[] latencies = measured.latencies();
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%,d sends accepted in %.2f s: %,.0f a second, %d concurrent; latency p50"
                + " %.1f ms, p99 %.1f ms; %d refused%n", sends - measured.refused(), measured.seconds(),
                sends / measured.seconds(), concurrency, LoadTool.millis(latencies, 0.50),
                LoadTool.millis(latencies, 0.99), measured.refused());
        if (serverPid > 0) {
            double all = server.all() / (double) TICKS_A_SECOND;
            double compiling = server.compiling() / (double) TICKS_A_SECOND;
            double own = (ownAfter.toNanos() - ownBefore.toNanos()) / 1e9;
            System.out.printf(Locale.ROOT, "CPU until the last reached the stand-in: server %.1f s, %.0f us a send"
                    + " (%.0f us without its JIT compilers); this load generator and the Graph stand-in %.1f s, %.0f us"
                    + " a send%n", all, all / sends * 1e6, (all - compiling) / sends * 1e6, own, own / sends * 1e6);
        }
        long[] measuredArrivals = Arrays.stream(reached).filter(at -> at >= start).toArray();
        double delivering = measuredArrivals.length < 2 ? 0 : (reached[reached.length - 1] - start) / 1e9;
        long accepted = start + (long) (measured.seconds() * 1e9);
        long afterwards = Arrays.stream(reached).filter(at -> at >= accepted).count();
        double rest = reached.length < 2 ? 0 : (reached[reached.length - 1] - accepted) / 1e9;
        System.out.printf(Locale.ROOT, "%,d reached the stand-in %.2f s after the first measured send: %,.0f a second"
                + " (%,.0f a second once every send was accepted); at most %d in any one second (throughput %d)%n",
                measuredArrivals.length, delivering, measuredArrivals.length / delivering, afterwards / rest,
                Seconds.mostInOne(reached), throughput);
        return measured.refused() + (warmup + sends - measured.refused() - reached.length);
    }

    /** What sending a number of templates gave: when it started, how long it took, each latency, the refused. */
    private record Phase(long start, double seconds, long[] latencies, int refused) {
    }

    /** Sends {@code count} templates, each to a new customer numbered from {@code first}, so many at once. */
    private Phase send(String channel, String template, int first, int count, int concurrency)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        long[] latencies = new long[count];
        AtomicInteger refused = new AtomicInteger();
        CompletableFuture<?>[] sent = new CompletableFuture<?>[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String body = "{\"messaging_product\":\"whatsapp\",\"to\":\"" + (5_521_900_000_000L + first + i)
                    + "\",\"type\":\"template\",\"template\":{\"name\":\"" + template
                    + "\",\"language\":{\"code\":\"en\"}}}";
            inFlight.acquire();
            int index = i;
            long sentAt = System.nanoTime();
            sent[i] = http.sendAsync(authorized("/v1/" + channel + "/messages").header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                        latencies[index] = System.nanoTime() - sentAt;
                        if (error != null || response.statusCode() != 200) {
                            refused.incrementAndGet();
                        }
                        inFlight.release();
                        return null;
                    });
        }
        CompletableFuture.allOf(sent).join();
        return new Phase(start, (System.nanoTime() - start) / 1e9, latencies, refused.get());
    }

    /** Waits until {@code count} sends reached the stand-in, or a minute past the time the throughput needs. */
    private void awaitArrivals(int count, int throughput) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos()
                + Duration.ofSeconds(count / throughput).toNanos();
        while (graph.arrived() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** The CPU time of a process so far, in clock ticks: all of it, and its JIT compilers' threads'. */
    private record Ticks(long all, long compiling) {
        static final Ticks NONE = new Ticks(0, 0);

        Ticks minus(Ticks before) {
            return new Ticks(all - before.all, compiling - before.compiling);
        }
    }

    /** The user and system CPU time of process {@code pid} so far; none without one. */
    private static Ticks serverTicks(long pid) throws IOException {
        if (pid <= 0) {
            return Ticks.NONE;
        }
        Path process = Path.of("/proc", Long.toString(pid));
        long compiling = 0;
        try (Stream<Path> threads = Files.list(process.resolve("task"))) {
            for (Path thread : threads.toList()) {
                if (Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                    compiling += ticks(thread.resolve("stat"));
                }
            }
        }
        return new Ticks(ticks(process.resolve("stat")), compiling);
    }

    /** The user and system time {@code stat}, a process's or thread's {@code stat} file, gives. */
    private static long ticks(Path stat) throws IOException {
        String line = Files.readString(stat);
        // the fields after the command's name, which is in parentheses and may hold spaces: utime is the 12th
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Waits, up to two minutes, for Janela to take the token: it may be starting against the stand-in. */
    private void awaitJanela() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(authorized("/api/channels").GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        tool.usage("Janela did not answer at " + base);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, "application/json", json);
    }

    private HttpResponse<String> send(String method, String path, String type, String body)
            throws IOException, InterruptedException {
        return http.send(authorized(path).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }




}
