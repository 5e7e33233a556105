package dev.janela.bench.crash;

import dev.janela.bench.graph.GraphStandIn;
import dev.janela.bench.graph.Seconds;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A campaign sent by the real server through Meta's connector to the Graph stand-in, the server killed with SIGKILL
 * halfway and started again on the same data. The list is imported through the API as CSV, the account's messaging
 * limit is set below the list's length, and the campaign is started. Then it checks what reached "Meta": the
 * channel never over its throughput in any second; no customer sent twice, across the kill; the campaign stopped at
 * the messaging limit, exactly, with the rest of the list left pending; and every recipient it accepted sent, but those
 * the dead server had claimed when it died, which Janela leaves for an operator rather than risk sending twice.
 */
public final class CampaignRun {
    private static final String TOKEN = "jnl_campaign_suite_admin_token";
    private static final String APP_SECRET = "campaign-suite-app-secret";
    private static final String ACCESS_TOKEN = "campaign-suite-access-token";
    private static final String TEMPLATE = "suite_sale";
    private static final String CHANNEL = "100000000000900";
    private static final long FIRST_CUSTOMER = 5_511_970_000_000L;
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration SEND_LIMIT = Duration.ofMinutes(10);
    /** How long the stand-in must hear nothing more, the campaign waiting, before the sending is taken as done. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(200);

    /**
     * @param dbUrl PostgreSQL's, or empty for the embedded store
     * @param recipients how long the list is
     * @param throughput the channel's messages a second
     * @param messagingLimit the account's messaging limit: below {@code recipients}, so that the campaign stops at it
     */
    public record Options(Path jar, Optional<String> dbUrl, int recipients, int throughput, int messagingLimit) {
    }

    private final Options options;
    private final PrintStream out;
    private final Violations violations = new Violations();
    private final long startedNanos = System.nanoTime();

    public CampaignRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs it; returns the exit status: 0 when everything holds, 1 on any violation, 2 when the store is unusable. */
    public int run() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("janela-campaign-");
        Path dataDir = work.resolve("data");
        Store store = options.dbUrl().<Store>map(PostgresStore::new).orElseGet(() -> new EmbeddedStore(dataDir));
        ServerDrivers drivers = ServerDrivers.beside(options.jar());
        try {
            store.prepare(drivers);
        } catch (SQLException unreachable) {
            out.println("cannot empty " + store.describe() + ": " + unreachable.getMessage());
            Suite.delete(work);
            return 2;
        }
        int port = Suite.freePort();
        JanelaClient client = new JanelaClient(URI.create("http://localhost:" + port), TOKEN, APP_SECRET);
        ServerProcess first = null;
        ServerProcess second = null;
        try (GraphStandIn graph = GraphStandIn.start(0)) {
            Map<String, String> environment = new HashMap<>(store.environment());
            environment.putAll(Map.of("JANELA_ADMIN_TOKEN", TOKEN, "JANELA_META_APP_SECRET", APP_SECRET,
                    "JANELA_META_VERIFY_TOKEN", "campaign-suite-verify", "JANELA_CONNECTOR", "meta",
                    "JANELA_META_ACCESS_TOKEN", ACCESS_TOKEN, "JANELA_META_BASE_URL",
                    "http://127.0.0.1:" + graph.port()));
            out.printf(Locale.ROOT, "store: %s; the server %s on port %d, logs in %s; the Graph stand-in on port %d;"
                    + " %,d recipients, a channel of %d a second, a messaging limit of %,d%n", store.describe(),
                    options.jar(), port, work, graph.port(), options.recipients(), options.throughput(),
                    options.messagingLimit());
            first = new ServerProcess(options.jar(), port, dataDir, environment, work.resolve("server-1.log"));
            if (!start(first, client, "first start") || !setUp(client)) {
                return finish(work);
            }
            Optional<Long> campaign = importList(client);
            if (campaign.isEmpty() || !started(client, campaign.get())) {
                return finish(work);
            }
            long half = options.messagingLimit() / 2;
            if (!await(client, campaign.get(), counts -> counts.getOrDefault("accepted", 0L) >= half,
                    "half the limit accepted")) {
                return finish(work);
            }
            long killedAt = System.nanoTime();
            int status = first.kill();
            out.printf(Locale.ROOT, "kill at %s: SIGKILL to the server (exit status %d), %,d sends at the stand-in%n",
                    elapsed(), status, graph.arrived());
            second = new ServerProcess(options.jar(), port, dataDir, environment, work.resolve("server-2.log"));
            int arrivedAtKill = graph.arrived();
            if (!start(second, client, "start after the kill")) {
                return finish(work);
            }
            long restartedAt = System.nanoTime();
            if (!awaitDone(client, campaign.get(), graph)) {
                return finish(work);
            }
            Optional<Long> resumedAt = graph.arrivals().stream().skip(arrivedAtKill).mapToLong(
                    GraphStandIn.Arrival::nanos).filter(at -> at > restartedAt).min().stream().boxed().findFirst();
            resumedAt.ifPresent(at -> out.printf(Locale.ROOT, "resumed: the first send after the kill reached the"
                    + " stand-in %.1f s after it, %.1f s after the server was up again%n", (at - killedAt) / 1e9,
                    (at - restartedAt) / 1e9));
            second.kill();
            try (Connection db = store.open(drivers)) {
                check(graph, db, campaign.get());
            }
        } catch (SQLException failed) {
            violations.add("the store failed the run", failed.toString());
        } finally {
            if (first != null) {
                first.killIfRunning();
            }
            if (second != null) {
                second.killIfRunning();
            }
        }
        return finish(work);
    }

    private boolean start(ServerProcess server, JanelaClient client, String what)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        server.start();
        Optional<Duration> up = server.awaitHealthy(client, started, START_LIMIT);
        if (up.isEmpty()) {
            violations.add("the server did not start", what + ": not healthy within " + START_LIMIT.toMinutes()
                    + " min" + (server.isAlive() ? "" : " (it exited)"));
            return false;
        }
        out.printf(Locale.ROOT, "%s at %s: pid %d, up after %.1f s%n", what, elapsed(), server.pid(),
                up.get().toMillis() / 1e3);
        return true;
    }

    /** The business account, a rate card, a marketing template Meta approves, the channel and the messaging limit. */
    private boolean setUp(JanelaClient client) throws IOException {
        List<JanelaClient.Answer> answers = new java.util.ArrayList<>();
        answers.add(client.call("PUT", "/api/whatsapp-business-account", "application/json", "{\"waba_id\":\"1\"}"));
        answers.add(client.post("/api/rate-cards", "text/csv", "market,category,price,currency\n"
                + "*,user_initiated,0.0100,USD\n*,business_initiated,0.0600,USD\n*,marketing,0.0625,USD\n"));
        JanelaClient.Answer template = client.post("/api/templates", "application/json", "{\"name\":\"" + TEMPLATE
                + "\",\"language\":\"en\",\"category\":\"marketing\",\"body\":\"Hello {{1}}, our sale starts"
                + " today.\"}");
        answers.add(template);
        if (template.status() == 201) {
            Object id = Json.object(template.body()).get("id");
            answers.add(client.post("/api/templates/" + id + "/submit", "application/json", "{}"));
        }
        answers.add(client.post("/api/channels", "application/json", "{\"phone_number_id\":\"" + CHANNEL
                + "\",\"number\":\"+5511999990900\"}"));
        answers.add(client.call("PATCH", "/api/channels/" + CHANNEL, "application/json",
                "{\"throughput\":" + options.throughput() + "}"));
        answers.add(client.call("PATCH", "/api/settings", "application/json",
                "{\"messaging_limit\":" + options.messagingLimit() + "}"));
        for (JanelaClient.Answer answer : answers) {
            if (answer.status() / 100 != 2) {
                violations.add("set-up refused", answer.status() + " " + Json.abbreviated(answer.body()));
                return false;
            }
        }
        return true;
    }

    /** The list, as CSV through the API: a customer a line, each with a name for the template's parameter. */
    private Optional<Long> importList(JanelaClient client) throws IOException {
        StringBuilder csv = new StringBuilder("recipient,1\n");
        for (int line = 0; line < options.recipients(); line++) {
            csv.append('+').append(FIRST_CUSTOMER + line).append(",Customer ").append(line).append('\n');
        }
        long begun = System.nanoTime();
        JanelaClient.Answer made = client.post("/api/campaigns?name=" + URLEncoder.encode("Suite sale",
                StandardCharsets.UTF_8) + "&channel=" + CHANNEL + "&template=" + TEMPLATE + "&language=en",
                "text/csv", csv.toString());
        if (made.status() != 201) {
            violations.add("the list was refused", made.status() + " " + Json.abbreviated(made.body()));
            return Optional.empty();
        }
        out.printf(Locale.ROOT, "imported at %s: %,d recipients (%,d bytes of CSV) in %.2f s, estimated with them%n",
                elapsed(), options.recipients(), csv.length(), (System.nanoTime() - begun) / 1e9);
        return Optional.of(((Number) Json.object(made.body()).get("id")).longValue());
    }

    private boolean started(JanelaClient client, long campaign) throws IOException {
        JanelaClient.Answer start = client.post("/api/campaigns/" + campaign + "/start", "application/json", "{}");
        if (start.status() != 200) {
            violations.add("the campaign did not start", start.status() + " " + Json.abbreviated(start.body()));
            return false;
        }
        return true;
    }

    /** The campaign's counts by state, and its state and what it waits for, as the API gives them. */
    private record Progress(String state, Optional<String> waiting, Map<String, Long> counts) {
    }

    @SuppressWarnings("unchecked")
    private static Progress progress(JanelaClient client, long campaign) throws IOException {
        Map<String, Object> view = Json.object(client.get("/api/campaigns/" + campaign, "application/json").body());
        Map<String, Long> counts = ((Map<String, Object>) view.get("counts")).entrySet().stream().collect(
                Collectors.toMap(Map.Entry::getKey, entry -> ((Number) entry.getValue()).longValue()));
        return new Progress((String) view.get("state"), Optional.ofNullable((String) view.get("waiting")), counts);
    }

    private boolean await(JanelaClient client, long campaign, Predicate<Map<String, Long>> until, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SEND_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (until.test(progress(client, campaign).counts())) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        violations.add("the campaign did not go on", "not " + what + " within " + SEND_LIMIT.toMinutes() + " min");
        return false;
    }

    /** Waits until the campaign waits for the messaging limit (or is done) and nothing more reaches the stand-in. */
    private boolean awaitDone(JanelaClient client, long campaign, GraphStandIn graph)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SEND_LIMIT.toNanos();
        int arrived = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Progress progress = progress(client, campaign);
            boolean stopped = progress.state().equals("finished")
                    || progress.waiting().filter("messaging_limit"::equals).isPresent();
            if (graph.arrived() != arrived) {
                arrived = graph.arrived();
                quietSince = System.nanoTime();
            } else if (stopped && System.nanoTime() - quietSince > QUIET.toNanos()) {
                out.printf(Locale.ROOT, "stopped at %s: the campaign %s, %s; %,d sends at the stand-in%n", elapsed(),
                        progress.state(), progress.waiting().map(why -> "waiting for the " + why.replace('_', ' '))
                                .orElse("done"), arrived);
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        violations.add("the campaign did not stop", "within " + SEND_LIMIT.toMinutes() + " min of the restart");
        return false;
    }

    private void check(GraphStandIn graph, Connection db, long campaign) throws SQLException {
        List<GraphStandIn.Arrival> arrivals = graph.arrivals().stream()
                .filter(arrival -> arrival.phoneNumberId().equals(CHANNEL)).toList();
        long[] times = arrivals.stream().mapToLong(GraphStandIn.Arrival::nanos).sorted().toArray();
        int most = Seconds.mostInOne(times);
        if (most > options.throughput()) {
            violations.add("the channel over its throughput", most + " in one second, throughput "
                    + options.throughput());
        }
        Map<String, Long> byCustomer = arrivals.stream().collect(Collectors.groupingBy(GraphStandIn.Arrival::to,
                Collectors.counting()));
        byCustomer.forEach((customer, count) -> {
            if (count > 1) {
                violations.add("a customer sent twice", customer + " reached the stand-in " + count + " times");
            }
        });
        Map<String, Long> states = rows(db, "select state, count(*) from campaign_recipients where campaign_id = ?"
                + " group by state", campaign);
        long accepted = states.getOrDefault("accepted", 0L);
        long pending = states.getOrDefault("pending", 0L);
        if (accepted != options.messagingLimit() || pending != options.recipients() - options.messagingLimit()) {
            violations.add("the messaging limit did not hold", "accepted " + accepted + ", pending " + pending
                    + ", with a limit of " + options.messagingLimit() + " and " + options.recipients()
                    + " recipients");
        }
        long storedTwice = rows(db, "select 'twice', count(*) from (select v.customer_id from messages m"
                + " join conversations v on v.id = m.conversation_id where m.direction = 'out'"
                + " group by v.customer_id having count(*) > 1) twice", null).getOrDefault("twice", 0L);
        if (storedTwice > 0) {
            violations.add("a customer's message stored twice", storedTwice + " customers");
        }
        Set<String> acceptedIds = strings(db, "select wamid from campaign_recipients where campaign_id = ?"
                + " and state = 'accepted'", campaign);
        Set<String> inDoubt = strings(db, "select m.wamid from send_queue q join messages m on m.id = q.message_id"
                + " where q.claimed_at is not null", null);
        Set<String> arrivedIds = arrivals.stream().map(GraphStandIn.Arrival::callbackData).collect(
                Collectors.toSet());
        arrivedIds.stream().filter(wamid -> !acceptedIds.contains(wamid)).limit(5).forEach(wamid ->
                violations.add("a send no recipient was accepted for", wamid));
        long unsent = acceptedIds.stream().filter(wamid -> !arrivedIds.contains(wamid)).count();
        acceptedIds.stream().filter(wamid -> !arrivedIds.contains(wamid) && !inDoubt.contains(wamid)).limit(5)
                .forEach(wamid -> violations.add("an accepted recipient never sent", wamid));
        double seconds = times.length < 2 ? 0 : (times[times.length - 1] - times[0]) / 1e9;
        out.printf(Locale.ROOT, "throughput: at most %d reached the stand-in in any one second (the channel's is %d);"
                + " %,d in %.1f s, the restart included%n", most, options.throughput(), times.length, seconds);
        out.printf(Locale.ROOT, "recipients: %,d accepted (the messaging limit), %,d pending; %,d reached the"
                + " stand-in, no customer twice; %,d claimed by the killed server and never sent, left for an"
                + " operator%n", accepted, pending, arrivedIds.size(), unsent);
    }

    private static Map<String, Long> rows(Connection db, String sql, Long parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setLong(1, parameter);
            }
            Map<String, Long> rows = new HashMap<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getLong(2));
                }
            }
            return rows;
        }
    }

    private static Set<String> strings(Connection db, String sql, Long parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setLong(1, parameter);
            }
            Set<String> values = new HashSet<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        }
    }

    private int finish(Path work) throws IOException {
        return violations.finish(out, work, elapsed(), "the server's logs");
    }

    private String elapsed() {
        return Suite.since(startedNanos);
    }
}
