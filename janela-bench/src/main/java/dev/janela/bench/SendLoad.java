package dev.janela.bench;

import dev.janela.bench.graph.GraphStandIn;
import dev.janela.bench.graph.MetaWebhooks;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>The stand-in listens at once; the load starts when Janela answers. Options:
 * <ul>
 * <li>{@code --url} (default {@code http://localhost:8080}), {@code --graph-port} (8099);</li>
 * <li>{@code --sends} (5000), {@code --warmup} sends first, unmeasured, while the server's compilers are still busy
 *     (0), {@code --concurrency} (32), {@code --throughput} the channel's messages a second (80);</li>
 * <li>{@code --server-pid} the server's process, to report its CPU time a send beside this program's own (which
 *     includes the stand-in's); {@code --database-user} (postgres, say), whose processes' CPU time to report too;</li>
 * <li>{@code --wrk-script} the path of {@code janela-bench/wrk-posts.lua}, to have wrk post the sends rather than this
 *     program, whose HTTP client costs about half the server's CPU a send. wrk posts for {@code --warmup-seconds}
 *     (30) and {@code --seconds} (30), no more than {@code --warmup} and {@code --sends} sends;</li>
 * <li>{@code --after-warmup} a program to run once the warm-up's sends reached the stand-in, before the measured ones
 *     ({@code janela-bench/analyze.sh}, say, for PostgreSQL's plans);</li>
 * <li>{@code --mix yes} to have the stand-in post back, as Meta would, each send's three statuses and, for
 *     {@code --replies} (0.3) of them, the customer's reply, signed with {@code JANELA_META_APP_SECRET}: a campaign's
 *     mix. The CPU times then count a send with its webhooks, and how late the webhooks were posted, held back by
 *     the ones Janela had not answered, shows whether a backlog grew.</li>
 * </ul>
 * Each send goes to another customer, so that only the channel's throughput paces them. {@code JANELA_TOKEN} is an
 * admin's token. Exit status 0, 1 if a send was not accepted or did not reach the stand-in within a minute of the
 * last, 2 on bad usage.
 */
public final class SendLoad {
    private static final String NAME = "SendLoad";
    /** The connections webhooks are posted back over: enough that Janela, not the stand-in, sets their pace. */
    private static final int WEBHOOKS_IN_FLIGHT = 64;
    /** Linux's unit of a process's CPU time in {@code /proc}: the same on every architecture it runs on. */
    private static final int TICKS_A_SECOND = 100;
    private static final String RATES = "market,category,price,currency\n*,user_initiated,0.0100,USD\n"
            + "*,business_initiated,0.0600,USD\n*,utility,0.0080,USD\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;
    private final LoadTool tool;
    private final GraphStandIn graph;
    /** wrk's script, when wrk posts the sends. */
    private final Optional<Path> wrkScript;
    /** The user the database's processes run as, to count their CPU time too. */
    private final Optional<String> databaseUser;
    /** What runs between the warm-up and the measured sends. */
    private final Optional<Path> afterWarmup;
    /** What the stand-in posts back after each send, in a campaign's mix. */
    private final Optional<MetaWebhooks> webhooks;

    private SendLoad(URI base, String token, LoadTool tool, GraphStandIn graph, Optional<Path> wrkScript,
            Optional<String> databaseUser, Optional<Path> afterWarmup, Optional<MetaWebhooks> webhooks) {
        this.webhooks = webhooks;
        this.afterWarmup = afterWarmup;
        this.graph = graph;
        this.databaseUser = databaseUser;
        this.wrkScript = wrkScript;
        this.base = base;
        this.token = token;
        this.tool = tool;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new HashMap<>(Map.of("--url", "http://localhost:8080", "--graph-port", "8099",
                "--sends", "5000", "--concurrency", "32", "--throughput", "80", "--warmup", "0", "--server-pid", "0"));
        defaults.putAll(Map.of("--wrk-script", "", "--seconds", "30", "--warmup-seconds", "30", "--database-user", "",
                "--after-warmup", "", "--mix", "no", "--replies", "0.3"));
        LoadTool tool = new LoadTool(NAME, defaults, args);
        String token = System.getenv("JANELA_TOKEN");
        if (token == null) {
            tool.usage("set JANELA_TOKEN to an admin's token, as janela serve printed it on its first start");
        }
        URI base = URI.create(tool.option("--url"));
        Optional<MetaWebhooks> webhooks = Optional.empty();
        if (tool.yesOrNo("--mix")) {
            String appSecret = System.getenv("JANELA_META_APP_SECRET");
            if (appSecret == null) {
                tool.usage("set JANELA_META_APP_SECRET to the app secret Janela checks webhooks with, for --mix");
            }
            webhooks = Optional.of(new MetaWebhooks(base.resolve("/webhooks/whatsapp"), appSecret,
                    tool.share("--replies"), WEBHOOKS_IN_FLIGHT));
        }
        try (GraphStandIn graph = GraphStandIn.start(tool.number("--graph-port"), webhooks)) {
            SendLoad load = new SendLoad(base, token, tool, graph, path(tool, "--wrk-script"),
                    Optional.of(tool.option("--database-user")).filter(user -> !user.isEmpty()),
                    path(tool, "--after-warmup"), webhooks);
            int failures = load.run(tool.count("--warmup"), tool.number("--sends"), tool.number("--concurrency"),
                    tool.number("--throughput"), tool.count("--server-pid"), List.of(tool.count("--warmup-seconds"),
                            tool.number("--seconds")));
            System.exit(failures == 0 ? 0 : 1);
        }
    }

    private static Optional<Path> path(LoadTool tool, String option) {
        return Optional.of(tool.option(option)).filter(path -> !path.isEmpty()).map(Path::of);
    }

    /** @param seconds how long wrk posts the warm-up's sends and the measured ones, when it posts them */
    private int run(int warmup, int sends, int concurrency, int throughput, long serverPid, List<Integer> seconds)
            throws Exception {
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

        int accepted = 0;
        if (warmup > 0) {
            Phase warming = post(channel, template, 0, warmup, concurrency, seconds.get(0));
            accepted = warming.posted() - warming.refused();
            awaitArrivals(accepted, throughput);
            if (!awaitWebhooks()) {
                tool.usage("the warm-up's webhooks were not all answered; nothing measured");
            }
            webhooks.ifPresent(MetaWebhooks::restart);
            System.out.printf(Locale.ROOT, "warm-up: %,d sends, %,.0f accepted a second, unmeasured%n",
                    warming.posted(), warming.posted() / warming.seconds());
        }
        if (afterWarmup.isPresent()) {
            int status = new ProcessBuilder(afterWarmup.get().toString()).inheritIO().start().waitFor();
            if (status != 0) {
                tool.usage(afterWarmup.get() + " failed (" + status + ")");
            }
        }
        Ticks serverBefore = serverTicks(serverPid);
        long databaseBefore = databaseTicks();
        Duration ownBefore = ownCpu();
        Phase measured = post(channel, template, warmup, sends, concurrency, seconds.get(1));
        int posted = measured.posted();
        accepted += posted - measured.refused();
        long start = measured.start();
        awaitArrivals(accepted, throughput);
        awaitWebhooks();
        // all the work of the measured sends: accepting them, sending them on, settling Meta's answers, and in a
        // campaign's mix the webhooks that follow them
        Ticks server = serverTicks(serverPid).minus(serverBefore);
        long database = databaseTicks() - databaseBefore;
        Duration ownAfter = ownCpu();
        long[] reached = graph.arrivals().stream().mapToLong(GraphStandIn.Arrival::nanos).sorted().toArray();
        System.out.printf(Locale.ROOT, "%,d sends accepted in %.2f s: %,.0f a second, %d concurrent, posted by %s;"
                + " latency p50 %.1f ms, p99 %.1f ms; %d refused%n", posted - measured.refused(), measured.seconds(),
                posted / measured.seconds(), concurrency, wrkScript.isPresent() ? "wrk" : "this program",
                measured.p50Millis(), measured.p99Millis(), measured.refused());
        if (serverPid > 0) {
            double all = server.all() / (double) TICKS_A_SECOND;
            double compiling = server.compiling() / (double) TICKS_A_SECOND;
            double own = (ownAfter.toNanos() - ownBefore.toNanos()) / 1e9;
            System.out.printf(Locale.ROOT, "CPU until the last reached the stand-in%s: server %.1f s, %.0f us a send"
                    + " (%.0f us without its JIT compilers); %s %.1f s, %.0f us a send",
                    webhooks.isPresent() ? " and its webhooks were answered" : "", all, all / posted * 1e6,
                    (all - compiling) / posted * 1e6, wrkScript.isPresent() ? "the Graph stand-in"
                    : "this load generator and the Graph stand-in", own, own / posted * 1e6);
            measured.posterCpu().ifPresent(wrk -> System.out.printf(Locale.ROOT, "; wrk %.1f s, %.0f us a send",
                    wrk.toNanos() / 1e9, wrk.toNanos() / 1e3 / posted));
            if (databaseUser.isPresent()) {
                double databaseSeconds = database / (double) TICKS_A_SECOND;
                System.out.printf(Locale.ROOT, "; the database's processes %.1f s, %.0f us a send",
                        databaseSeconds, databaseSeconds / posted * 1e6);
            }
            System.out.println();
        }
        long[] measuredArrivals = Arrays.stream(reached).filter(at -> at >= start).toArray();
        double delivering = measuredArrivals.length < 2 ? 0 : (reached[reached.length - 1] - start) / 1e9;
        long allAccepted = start + (long) (measured.seconds() * 1e9);
        long afterwards = Arrays.stream(reached).filter(at -> at >= allAccepted).count();
        double rest = reached.length < 2 ? 0 : (reached[reached.length - 1] - allAccepted) / 1e9;
        webhooks.map(MetaWebhooks::answers).filter(answers -> answers.answered() > 0).ifPresent(answers ->
                System.out.printf(Locale.ROOT, "%,d webhooks posted back (%,d statuses, %,d replies), %d not answered"
                        + " 200; Janela's answer p50 %.1f ms, p99 %.1f ms; posted late by p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms%n", answers.answered(), answers.answered() - answers.replies(),
                        answers.replies(), answers.refused(), LoadTool.millis(answers.latencies(), 0.50),
                        LoadTool.millis(answers.latencies(), 0.99), LoadTool.millis(answers.lateness(), 0.50),
                        LoadTool.millis(answers.lateness(), 0.99), LoadTool.millis(answers.lateness(), 1.0)));
        System.out.printf(Locale.ROOT, "%,d reached the stand-in %.2f s after the first measured send: %,.0f a second"
                + " (%,.0f a second once every send was accepted); at most %d in any one second (throughput %d)%n",
                measuredArrivals.length, delivering, measuredArrivals.length / delivering, afterwards / rest,
                Seconds.mostInOne(reached), throughput);
        // wrk does not count the sends in flight when it stops, which may reach the stand-in all the same
        return measured.refused() + Math.max(0, accepted - reached.length)
                + webhooks.map(meta -> meta.answers().refused()).orElse(0);
    }

    /**
     * What posting a number of sends gave.
     *
     * @param start when the first was posted, by {@link System#nanoTime()}
     * @param posterCpu the CPU time of the program that posted them, when it was not this one
     */
    private record Phase(long start, double seconds, int posted, double p50Millis, double p99Millis, int refused,
            Optional<Duration> posterCpu) {
    }

    /**
     * Posts {@code count} template sends, each to a new customer numbered from {@code first}, so many at once; wrk
     * posts for {@code seconds} instead, {@code count} at most.
     */
    private Phase post(String channel, String template, int first, int count, int concurrency, int seconds)
            throws IOException, InterruptedException {
        return wrkScript.isPresent() ? postByWrk(channel, template, first, count, concurrency, seconds)
                : send(channel, template, first, count, concurrency);
    }

    private static String body(String template, int customer) {
        return "{\"messaging_product\":\"whatsapp\",\"to\":\"" + (5_521_900_000_000L + customer)
                + "\",\"type\":\"template\",\"template\":{\"name\":\"" + template
                + "\",\"language\":{\"code\":\"en\"}}}";
    }

    private Phase send(String channel, String template, int first, int count, int concurrency)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        long[] latencies = new long[count];
        AtomicInteger refused = new AtomicInteger();
        CompletableFuture<?>[] sent = new CompletableFuture<?>[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String body = body(template, first + i);
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
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Phase(start, seconds, count, LoadTool.millis(latencies, 0.50), LoadTool.millis(latencies, 0.99),
                refused.get(), Optional.empty());
    }

    /**
     * Has wrk (a load generator in C, which costs far less CPU a request than this program) post the sends for
     * {@code seconds}, each once, on two threads, timed by {@code /usr/bin/time}. wrk always runs for all of its
     * time; a thread that has posted all of its sends stops posting.
     */
    private Phase postByWrk(String channel, String template, int first, int count, int concurrency, int seconds)
            throws IOException, InterruptedException {
        Path bodies = Files.createTempFile("janela-sends", ".tsv");
        Path output = Files.createTempFile("janela-wrk", ".out");
        try {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < count; i++) {
                lines.append("Bearer ").append(token).append('\t').append(body(template, first + i)).append('\n');
            }
            Files.writeString(bodies, lines);
            ProcessBuilder wrk = new ProcessBuilder("/usr/bin/time", "-f", "wrk-cpu %U %S", "wrk", "-t2",
                    "-c" + concurrency, "-d" + seconds + "s", "--latency", "-s", wrkScript.get().toString(),
                    base.toString()).redirectErrorStream(true).redirectOutput(output.toFile());
            wrk.environment().putAll(Map.of("JANELA_WRK_BODIES", bodies.toString(), "JANELA_WRK_THREADS", "2",
                    "JANELA_WRK_PATH", "/v1/" + channel + "/messages", "JANELA_WRK_HEADER", "Authorization"));
            long start = System.nanoTime();
            int status = wrk.start().waitFor();
            String report = Files.readString(output);
            if (status != 0) {
                tool.usage("wrk failed (" + status + "): " + report);
            }
            return new Phase(start, wrkSeconds(report),
                    (int) wrkNumber(report, "([0-9]+) requests in"), wrkMillis(report, "50%"),
                    wrkMillis(report, "99%"), (int) wrkNumber(report, "Non-2xx or 3xx responses: ([0-9]+)"),
                    Optional.of(Duration.ofNanos((long) ((wrkNumber(report, "wrk-cpu ([0-9.]+) [0-9.]+")
                            + wrkNumber(report, "wrk-cpu [0-9.]+ ([0-9.]+)")) * 1e9))));
        } finally {
            Files.deleteIfExists(bodies);
            Files.deleteIfExists(output);
        }
    }

    /** The number {@code pattern}'s group finds in wrk's report; 0 if absent (wrk prints no line for no errors). */
    private static double wrkNumber(String report, String pattern) {
        Matcher found = Pattern.compile(pattern).matcher(report);
        return found.find() ? Double.parseDouble(found.group(1)) : 0;
    }

    /** How long wrk posted, as it says it: {@code 123 requests in 30.05s}, or {@code in 1.00m}. */
    private static double wrkSeconds(String report) {
        Matcher found = Pattern.compile("requests in ([0-9.]+)(s|m)").matcher(report);
        if (!found.find()) {
            return 0;
        }
        return Double.parseDouble(found.group(1)) * (found.group(2).equals("m") ? 60 : 1);
    }

    /** A latency quantile from wrk's distribution ({@code 50%   12.34ms}), in milliseconds. */
    private static double wrkMillis(String report, String quantile) {
        Matcher found = Pattern.compile("\\s" + quantile + "\\s+([0-9.]+)(us|ms|s)").matcher(report);
        if (!found.find()) {
            return 0;
        }
        double value = Double.parseDouble(found.group(1));
        return switch (found.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /** Waits until {@code count} sends reached the stand-in, or a minute past the time the throughput needs. */
    private void awaitArrivals(int count, int throughput) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos()
                + Duration.ofSeconds(count / throughput).toNanos();
        while (graph.arrived() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /**
     * Waits, up to two minutes, for Janela to answer every webhook posted back so far, in a campaign's mix; whether
     * it did.
     */
    private boolean awaitWebhooks() throws InterruptedException {
        if (webhooks.isPresent() && !webhooks.get().awaitAnswers(Duration.ofMinutes(2))) {
            System.out.printf(Locale.ROOT, "%,d of %,d webhooks posted back were not answered within two minutes%n",
                    webhooks.get().scheduled() - webhooks.get().answered(), webhooks.get().scheduled());
            return false;
        }
        return true;
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
                try {
                    if (Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                        compiling += ticks(thread.resolve("stat"));
                    }
                } catch (IOException ended) {
                    // a thread that ended between the listing and the reading (the kernel says no such file, or
                    // no such process)
                }
            }
        }
        return new Ticks(ticks(process.resolve("stat")), compiling);
    }

    /** The CPU time of the database user's processes so far, in clock ticks; 0 without one. */
    private long databaseTicks() {
        long ticks = 0;
        for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
            if (databaseUser.isPresent() && process.info().user().equals(databaseUser)) {
                try {
                    ticks += ticks(Path.of("/proc", Long.toString(process.pid()), "stat"));
                } catch (IOException ended) {
                    // a process that ended meanwhile
                }
            }
        }
        return ticks;
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
