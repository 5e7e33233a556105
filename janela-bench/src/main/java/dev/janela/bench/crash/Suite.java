package dev.janela.bench.crash;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The crash suite's run: starts the real server on a fresh store, drives the traffic plan at it, kills it with
 * SIGKILL at moments drawn from the seed and starts it again on the same data, retries whatever was unanswered, and
 * once all is answered and settled checks what the server answered against what it stored, the ledger and the
 * windows against an independent oracle, and the store's own consistency as the last kill left it.
 */
public final class Suite {
    private static final String TOKEN = "jnl_crash_suite_admin_token";
    private static final String APP_SECRET = "crash-suite-app-secret";
    private static final String VERIFY_TOKEN = "crash-suite-verify-token";
    private static final String PHONE_NUMBER_ID = "100000000000777";
    private static final String TEMPLATE = "crash_notice";
    private static final String MARKET = "BR";
    private static final Map<String, BigDecimal> PRICES = Map.of(SessionOracle.USER_INITIATED,
            new BigDecimal("0.0068"), SessionOracle.BUSINESS_INITIATED, new BigDecimal("0.0625"));
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    /** Longer than the minute after which Janela takes over a key whose request died with the server. */
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(4);
    private static final Duration REPORTS_LIMIT = Duration.ofSeconds(30);
    private static final long MIN_TRAFFIC_MILLIS = 500;
    private static final long MAX_TRAFFIC_MILLIS = 6_000;

    /** What to run: see {@code dev.janela.bench.CrashSuite}. */
    public record Options(int kills, long seed, Path jar, Optional<String> dbUrl, int customers, int concurrency) {
    }

    private final Options options;
    private final PrintStream out;
    private final Violations violations = new Violations();
    private final long startedNanos = System.nanoTime();
    private int kills;

    public Suite(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the suite; returns the exit status: 0 when everything holds, 1 on any violation, 2 when the store cannot
     * be emptied.
     */
    public int run() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("janela-crash-");
        Store store = options.dbUrl().<Store>map(PostgresStore::new)
                .orElseGet(() -> new EmbeddedStore(work.resolve("data")));
        ServerDrivers drivers = ServerDrivers.beside(options.jar());
        try {
            store.prepare(drivers);
        } catch (SQLException unreachable) {
            out.println("cannot empty " + store.describe() + ": " + unreachable.getMessage());
            delete(work);
            return 2;
        }
        int port = freePort();
        ServerProcess server = new ServerProcess(options.jar(), port, work.resolve("data"), environment(store),
                work.resolve("server.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::killIfRunning));
        out.printf(Locale.ROOT, "store: %s; server %s on port %d; log %s%n", store.describe(), options.jar(), port,
                work.resolve("server.log"));
        JanelaClient client = new JanelaClient(URI.create("http://localhost:" + port), TOKEN, APP_SECRET);
        if (start(server, client, "start") && setUp(client)) {
            drive(server, client, store, drivers);
        }
        return finish(work, server);
    }

    private static Map<String, String> environment(Store store) {
        Map<String, String> environment = new HashMap<>(store.environment());
        environment.putAll(Map.of("JANELA_ADMIN_TOKEN", TOKEN, "JANELA_META_APP_SECRET", APP_SECRET,
                "JANELA_META_VERIFY_TOKEN", VERIFY_TOKEN));
        return environment;
    }

    /** The traffic, its kills and restarts, and once all is answered, the checks. */
    private void drive(ServerProcess server, JanelaClient client, Store store, ServerDrivers drivers)
            throws InterruptedException {
        TrafficPlan plan = new TrafficPlan(options.seed(), options.customers(), PHONE_NUMBER_ID, TEMPLATE,
                Clock.systemUTC());
        LoadDriver load = new LoadDriver(client, plan, PHONE_NUMBER_ID, Clock.systemUTC());
        load.start(options.concurrency());
        try {
            if (crashes(server, client, load)) {
                settle(load);
                load.stop();
                check(server, client, plan, store, drivers);
            }
        } catch (IOException | SQLException failed) {
            violations.add("server or store failed the suite", failed.toString());
        } finally {
            load.stop();
        }
    }

    /** The kills and restarts; false if the server did not come back. */
    private boolean crashes(ServerProcess server, JanelaClient client, LoadDriver load)
            throws IOException, InterruptedException {
        SplittableRandom moments = new SplittableRandom(options.seed()).split();
        for (int kill = 1; kill <= options.kills(); kill++) {
            long traffic = moments.nextLong(MIN_TRAFFIC_MILLIS, MAX_TRAFFIC_MILLIS);
            load.open();
            Thread.sleep(traffic); // the kill's moment, drawn from the seed; traffic flows meanwhile
            load.close();
            int inFlight = load.inFlight();
            long pid = server.pid();
            int status = server.kill();
            kills++;
            out.printf(Locale.ROOT, "kill %d at %s: SIGKILL to pid %d after %.1f s of traffic, %d operations in"
                    + " flight; exit status %d%n", kill, elapsed(), pid, traffic / 1e3, inFlight, status);
            if (status != ServerProcess.KILLED) {
                violations.add("server died before its kill", "pid " + pid + " exited with " + status);
            }
            load.awaitIdle();
            if (!start(server, client, "restart " + kill)) {
                return false;
            }
        }
        load.open();
        Thread.sleep(moments.nextLong(MIN_TRAFFIC_MILLIS, MAX_TRAFFIC_MILLIS)); // new traffic on the last start
        return true;
    }

    private boolean start(ServerProcess server, JanelaClient client, String what)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        long pid = server.start();
        Optional<Duration> up = server.awaitHealthy(client, started, START_LIMIT);
        if (up.isEmpty()) {
            violations.add("server did not start on its data", what + ": pid " + pid + " not healthy within "
                    + START_LIMIT.toMinutes() + " min" + (server.isAlive() ? "" : " (it exited)"));
            return false;
        }
        out.printf(Locale.ROOT, "%s at %s: pid %d, up after %.1f s%n", what, elapsed(), pid,
                up.get().toMillis() / 1e3);
        return true;
    }

    /** A channel in Brazil, the session prices, and an approved template, through the API. */
    private boolean setUp(JanelaClient client) throws IOException {
        List<JanelaClient.Answer> answers = new ArrayList<>();
        answers.add(client.post("/api/channels", "application/json", "{\"phone_number_id\":\"" + PHONE_NUMBER_ID
                + "\",\"number\":\"+5511999990000\"}"));
        answers.add(client.post("/api/rate-cards", "text/csv", "market,category,price,currency\n"
                + "BR,user_initiated," + PRICES.get(SessionOracle.USER_INITIATED) + ",USD\n"
                + "BR,business_initiated," + PRICES.get(SessionOracle.BUSINESS_INITIATED) + ",USD\n"));
        JanelaClient.Answer template = client.post("/api/templates", "application/json", "{\"name\":\"" + TEMPLATE
                + "\",\"language\":\"en\",\"category\":\"utility\",\"body\":\"Your order {{1}} has shipped.\"}");
        answers.add(template);
        if (template.status() == 201) {
            Object id = Json.object(template.body()).get("id");
            answers.add(client.post("/api/templates/" + id + "/approve", "application/json", "{}"));
        }
        for (JanelaClient.Answer answer : answers) {
            if (answer.status() / 100 != 2) {
                violations.add("set-up refused", answer.status() + " " + Json.abbreviated(answer.body()));
                return false;
            }
        }
        return true;
    }

    /** No new traffic: waits until every delivery is acknowledged and every key answered. */
    private void settle(LoadDriver load) throws InterruptedException {
        load.stopNewTraffic();
        long started = System.nanoTime();
        boolean settled = load.awaitSettled(SETTLE_LIMIT);
        out.printf(Locale.ROOT, "%s at %s, %.1f s after new traffic stopped%n", settled
                ? "settled: every delivery acknowledged, every key answered"
                : "not settled: " + load.waiting() + " deliveries and keys still unanswered",
                elapsed(), (System.nanoTime() - started) / 1e9);
    }

    private void check(ServerProcess server, JanelaClient client, TrafficPlan plan, Store store,
            ServerDrivers drivers) throws IOException, InterruptedException, SQLException {
        ServerView view = reportsSettled(client, plan);
        int status = server.kill();
        out.printf(Locale.ROOT, "stop at %s: SIGKILL (exit status %d); the store is checked as a crash leaves it%n",
                elapsed(), status);
        List<StoreCheck> checks = new ArrayList<>(List.of(new RowConsistency(view.messageCount(),
                view.ledger().size())));
        checks.addAll(store.engineChecks());
        try (Connection connection = store.open(drivers)) {
            for (StoreCheck check : checks) {
                StoreCheck.Result result = check.run(connection);
                out.println("store: " + check.name() + ": " + result.summary());
                result.problems().forEach(problem -> violations.add("store: " + check.name(), problem));
            }
        }
        AnswerAudit answers = new AnswerAudit(view, violations);
        answers.webhooks(plan.deliveries());
        answers.sends(plan.sends(), plan.deliveries());
        int expected = new LedgerAudit(view, PRICES, MARKET, violations).run();
        new Report(out).print(kills, elapsed(), plan, view, expected);
    }

    /**
     * What the server shows once the sandbox's delivery reports have settled: read again until two reads a second
     * apart agree on how many messages have not been read yet (reports of sends whose process was killed never
     * come: the sandbox keeps them in memory).
     */
    private ServerView reportsSettled(JanelaClient client, TrafficPlan plan)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + REPORTS_LIMIT.toNanos();
        ServerView view = ServerView.read(client, PHONE_NUMBER_ID, plan.customers());
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            ServerView again = ServerView.read(client, PHONE_NUMBER_ID, plan.customers());
            boolean same = unread(again) == unread(view) && again.messageCount() == view.messageCount();
            view = again;
            if (same) {
                break;
            }
        }
        return view;
    }

    private static long unread(ServerView view) {
        return view.messages().values().stream().flatMap(List::stream)
                .filter(message -> !message.isInbound() && !message.state().equals("read")).count();
    }

    private int finish(Path work, ServerProcess server) throws IOException {
        server.killIfRunning();
        Path log = work.resolve("server.log");
        long errors = errorsLogged(log);
        if (violations.count() == 0) {
            out.println("no violations; took " + elapsed());
            if (errors == 0) {
                delete(work);
            } else {
                out.println("the server's log is kept: " + log);
            }
            return 0;
        }
        out.println(violations.count() + " violations; took " + elapsed() + "; the server's log and data are kept"
                + " in " + work);
        violations.print(out, 20);
        return 1;
    }

    /**
     * Prints how many errors the server logged, and the first: not violations by themselves, but where to look.
     *
     * @return how many
     */
    private long errorsLogged(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        List<String> errors;
        try (Stream<String> lines = Files.lines(log)) {
            errors = lines.filter(line -> line.contains(" ERROR ")).toList();
        }
        out.println("server log: " + errors.size() + " errors" + (errors.isEmpty() ? "" : "; the first: "
                + Json.abbreviated(errors.get(0))));
        return errors.size();
    }

    private String elapsed() {
        return since(startedNanos);
    }

    /** The time since {@code startedNanos} ({@link System#nanoTime()}), as minutes and seconds: {@code 1:07}. */
    static String since(long startedNanos) {
        long seconds = Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
