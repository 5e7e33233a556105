package dev.janela.bench.crash;

import dev.janela.bench.graph.GraphStandIn;
import dev.janela.bench.graph.Seconds;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Several nodes of the real server over one PostgreSQL database, sending through Meta's connector to the Graph
 * stand-in, one of them killed with SIGKILL while they send. Template sends go through every node in turn, faster
 * than the channels' throughput allows, so that every channel has a queue; a send whose node died under it is sent
 * again through another node with its {@code Idempotency-Key}, as a client behind a load balancer would. Then it checks
 * what reached "Meta": no channel over its throughput in any second, however its sending moved; the dead node's
 * channels sending again from other nodes within 15 s; no message sent twice; every accepted message sent, but those
 * the dead node had claimed when it died, which Janela leaves for an operator rather than risk sending twice.
 */
public final class ClusterRun {
    private static final String TOKEN = "jnl_cluster_suite_admin_token";
    private static final String APP_SECRET = "cluster-suite-app-secret";
    private static final String VERIFY_TOKEN = "cluster-suite-verify-token";
    private static final String ACCESS_TOKEN = "cluster-suite-access-token";
    private static final String TEMPLATE = "cluster_notice";
    private static final long FIRST_CHANNEL = 100_000_000_000_100L;
    private static final long FIRST_CUSTOMER = 5_511_900_000_000L;
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    /** How long the nodes have to share the channels out once they are made: a few of their 2-second rounds. */
    private static final Duration SPREAD_LIMIT = Duration.ofSeconds(30);
    /** How soon a dead node's channels must send again, from other nodes. */
    private static final Duration HANDOVER_LIMIT = Duration.ofSeconds(15);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int IN_FLIGHT = 64;
    private static final int ATTEMPTS = 10;
    /**
     * How long a client waits to send again a key whose first request is still in progress: Janela takes over the key
     * of a request whose node died a minute after it began.
     */
    private static final Duration IN_PROGRESS_PAUSE = Duration.ofSeconds(5);
    private static final int IN_PROGRESS_ATTEMPTS = 30;
    private static final Pattern MESSAGE_ID = Pattern.compile(
            "\"messages\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * @param nodes how many nodes run; the second is killed halfway through the sending
     * @param throughput each channel's messages a second
     * @param rate the sends a second offered, through all the nodes together
     * @param margin the nodes' throughput margin ({@code JANELA_META_SENDING_THROUGHPUT_MARGIN}): how much the time a
     *     request takes to reach the stand-in may vary, which on a machine the nodes overload is their waits for a core
     */
    public record Options(Path jar, String dbUrl, int nodes, int channels, int throughput, int rate,
            Duration sending, Duration margin) {
    }

    /** A node: its number in the run, its port, its process and a client of its API. */
    private record Member(int number, int port, ServerProcess process, JanelaClient client) {
        /** How the node names itself to the others: its host, its port and a part drawn at its start. */
        String namePattern() {
            return "%:" + port + "-%";
        }
    }

    private final Options options;
    private final PrintStream out;
    private final Violations violations = new Violations();
    private final long startedNanos = System.nanoTime();
    private final List<Member> alive = new CopyOnWriteArrayList<>();
    private final Map<Integer, String> accepted = new ConcurrentHashMap<>();
    private final Map<Integer, String> refused = new ConcurrentHashMap<>();
    private final AtomicInteger retried = new AtomicInteger();

    public ClusterRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs it; returns the exit status: 0 when everything holds, 1 on any violation, 2 when the store is unusable. */
    public int run() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("janela-cluster-");
        PostgresStore store = new PostgresStore(options.dbUrl());
        ServerDrivers drivers = ServerDrivers.beside(options.jar());
        try {
            store.prepare(drivers);
        } catch (SQLException unreachable) {
            out.println("cannot empty " + store.describe() + ": " + unreachable.getMessage());
            Suite.delete(work);
            return 2;
        }
        List<Member> members = new ArrayList<>();
        try (GraphStandIn graph = GraphStandIn.start(0); Connection db = store.open(drivers)) {
            Map<String, String> environment = environment(store, graph.port(), options.margin());
            for (int number = 1; number <= options.nodes(); number++) {
                int port = Suite.freePort();
                members.add(new Member(number, port, new ServerProcess(options.jar(), port,
                        work.resolve("data-" + number), environment, work.resolve("node-" + number + ".log")),
                        new JanelaClient(URI.create("http://localhost:" + port), TOKEN, APP_SECRET)));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> members.forEach(m -> m.process().killIfRunning())));
            out.printf(Locale.ROOT, "store: %s; %d nodes of %s, logs in %s; the Graph stand-in on port %d; a margin"
                    + " of %d ms on each second of throughput%n", store.describe(), options.nodes(), options.jar(),
                    work, graph.port(), options.margin().toMillis());
            // The first node makes the schema and the account; the others start on them.
            if (start(members.subList(0, 1)) && start(members.subList(1, members.size()))
                    && setUp(members.get(0).client()) && spread(db, members)) {
                drive(members.get(1), graph, db);
            }
        } catch (SQLException failed) {
            violations.add("the store failed the run", failed.toString());
        } finally {
            members.forEach(member -> member.process().killIfRunning());
        }
        return finish(work);
    }

    private static Map<String, String> environment(PostgresStore store, int graphPort, Duration margin) {
        Map<String, String> environment = new HashMap<>(store.environment());
        environment.put("JANELA_META_SENDING_THROUGHPUT_MARGIN", margin.toMillis() + "ms");
        environment.putAll(Map.of("JANELA_ADMIN_TOKEN", TOKEN, "JANELA_META_APP_SECRET", APP_SECRET,
                "JANELA_META_VERIFY_TOKEN", VERIFY_TOKEN, "JANELA_CONNECTOR", "meta",
                "JANELA_META_ACCESS_TOKEN", ACCESS_TOKEN, "JANELA_META_BASE_URL", "http://127.0.0.1:" + graphPort));
        return environment;
    }

    private boolean start(List<Member> members) throws IOException, InterruptedException {
        long started = System.nanoTime();
        for (Member member : members) {
            member.process().start();
        }
        for (Member member : members) {
            Optional<Duration> up = member.process().awaitHealthy(member.client(), started, START_LIMIT);
            if (up.isEmpty()) {
                violations.add("node did not start", "node " + member.number() + " not healthy within "
                        + START_LIMIT.toMinutes() + " min" + (member.process().isAlive() ? "" : " (it exited)"));
                return false;
            }
            alive.add(member);
            out.printf(Locale.ROOT, "node %d at %s: pid %d on port %d, up after %.1f s%n", member.number(),
                    elapsed(), member.process().pid(), member.port(), up.get().toMillis() / 1e3);
        }
        return true;
    }

    /** The business account, a rate card, a template Meta approves, and the channels with their throughput. */
    private boolean setUp(JanelaClient client) throws IOException {
        List<JanelaClient.Answer> answers = new ArrayList<>();
        answers.add(client.call("PUT", "/api/whatsapp-business-account", "application/json", "{\"waba_id\":\"1\"}"));
        answers.add(client.post("/api/rate-cards", "text/csv", "market,category,price,currency\n"
                + "*,user_initiated,0.0100,USD\n*,business_initiated,0.0600,USD\n*,utility,0.0080,USD\n"));
        JanelaClient.Answer template = client.post("/api/templates", "application/json", "{\"name\":\"" + TEMPLATE
                + "\",\"language\":\"en\",\"category\":\"utility\",\"body\":\"Your order has shipped.\"}");
        answers.add(template);
        if (template.status() == 201) {
            Object id = Json.object(template.body()).get("id");
            answers.add(client.post("/api/templates/" + id + "/submit", "application/json", "{}"));
        }
        for (int channel = 0; channel < options.channels(); channel++) {
            answers.add(client.post("/api/channels", "application/json", "{\"phone_number_id\":\""
                    + channelId(channel) + "\",\"number\":\"+55119999" + String.format(Locale.ROOT, "%04d", channel)
                    + "\"}"));
            answers.add(client.call("PATCH", "/api/channels/" + channelId(channel), "application/json",
                    "{\"throughput\":" + options.throughput() + "}"));
        }
        for (JanelaClient.Answer answer : answers) {
            if (answer.status() / 100 != 2) {
                violations.add("set-up refused", answer.status() + " " + Json.abbreviated(answer.body()));
                return false;
            }
        }
        return true;
    }

    /** Waits until every channel is held, by every node: they share the channels out by themselves. */
    private boolean spread(Connection db, List<Member> members) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + SPREAD_LIMIT.toNanos();
        Map<Integer, List<String>> held = Map.of();
        while (System.nanoTime() < deadline) {
            held = holders(db, members);
            long nodesHolding = held.values().stream().filter(channels -> !channels.isEmpty()).count();
            if (held.values().stream().mapToInt(List::size).sum() == options.channels()
                    && nodesHolding == Math.min(members.size(), options.channels())) {
                out.printf(Locale.ROOT, "shared out at %s: %s%n", elapsed(), describe(held));
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        violations.add("the nodes did not share the channels out", "within " + SPREAD_LIMIT.toSeconds() + " s: "
                + describe(held));
        return false;
    }

    /** The channels each node holds a live lease of, by node number. */
    private Map<Integer, List<String>> holders(Connection db, List<Member> members) throws SQLException {
        Map<Integer, List<String>> held = new TreeMap<>();
        for (Member member : members) {
            held.put(member.number(), leasedBy(db, member));
        }
        return held;
    }

    private static List<String> leasedBy(Connection db, Member member) throws SQLException {
        synchronized (db) {
            try (PreparedStatement query = db.prepareStatement("select c.phone_number_id from channel_leases l"
                    + " join channels c on c.id = l.channel_id where l.node like ? and l.expires_at > now()"
                    + " order by c.phone_number_id")) {
                query.setString(1, member.namePattern());
                List<String> channels = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        channels.add(rows.getString(1));
                    }
                }
                return channels;
            }
        }
    }

    private static String describe(Map<Integer, List<String>> held) {
        return held.entrySet().stream().map(node -> "node " + node.getKey() + " holds " + node.getValue().size())
                .collect(Collectors.joining(", "));
    }

    /** The sending, with the kill halfway, then the drain and the checks. */
    private void drive(Member victim, GraphStandIn graph, Connection db) throws SQLException, InterruptedException {
        int total = (int) (options.rate() * options.sending().toSeconds());
        warmUp(graph, total);
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long interval = TimeUnit.SECONDS.toNanos(1) / options.rate();
        long begun = System.nanoTime();
        CompletableFuture<Duration> moved = null;
        List<String> victimChannels = List.of();
        long killedAt = 0;
        for (int send = 0; send < total; send++) {
            long due = begun + send * interval;
            long early = due - System.nanoTime();
            if (early > 0) {
                TimeUnit.NANOSECONDS.sleep(early); // the offered rate: a send every interval
            }
            if (send == total / 2) {
                victimChannels = leasedBy(db, victim);
                killedAt = System.nanoTime();
                alive.remove(victim);
                int status = victim.process().kill();
                out.printf(Locale.ROOT, "kill at %s: SIGKILL to node %d (exit status %d), which held %s%n",
                        elapsed(), victim.number(), status, victimChannels);
                moved = movedAway(db, victim, victimChannels, killedAt);
            }
            inFlight.acquire();
            send(send, 1, inFlight);
        }
        inFlight.acquire(IN_FLIGHT);
        out.printf(Locale.ROOT, "sent at %s: %,d sends offered at %,d a second; %,d accepted, %,d refused, %,d"
                + " retried on another node%n", elapsed(), total, options.rate(), accepted.size(), refused.size(),
                retried.get());
        refused.entrySet().stream().limit(5).forEach(refusal -> violations.add("send refused",
                "send " + refusal.getKey() + ": " + refusal.getValue()));
        drain(db, graph);
        check(graph, db, victimChannels, killedAt, moved == null ? Optional.empty() : Optional.of(moved.join()));
    }

    /**
     * One send on each channel first, numbered from {@code first}, and the wait for them to reach the stand-in. A
     * node's first request to Meta is slowed by its JVM's first use of the HTTP client, and the requests paced behind
     * it in that time left with it: on a channel of 10 a second, 11 reached the stand-in in the first second of
     * sending.
     */
    private void warmUp(GraphStandIn graph, int first) throws InterruptedException {
        Semaphore inFlight = new Semaphore(options.channels());
        for (int channel = 0; channel < options.channels(); channel++) {
            inFlight.acquire();
            send(first + channel, 1, inFlight);
        }
        inFlight.acquire(options.channels());
        long deadline = System.nanoTime() + SPREAD_LIMIT.toNanos();
        while (graph.arrived() < options.channels() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
        out.printf(Locale.ROOT, "warmed up at %s: %d sends, one through each channel, reached the stand-in%n",
                elapsed(), graph.arrived());
    }

    private void send(int send, int attempt, Semaphore inFlight) {
        List<Member> nodes = alive;
        Member member = nodes.get((send + attempt - 1) % nodes.size());
        String body = "{\"messaging_product\":\"whatsapp\",\"to\":\"" + (FIRST_CUSTOMER + send)
                + "\",\"type\":\"template\",\"template\":{\"name\":\"" + TEMPLATE
                + "\",\"language\":{\"code\":\"en\"}}}";
        member.client().send(channelId(send % options.channels()), "cluster-" + send, body)
                .whenComplete((answer, failure) -> {
                    boolean again = failure != null || answer.status() >= 500;
                    if (again && attempt < ATTEMPTS) {
                        retried.incrementAndGet();
                        send(send, attempt + 1, inFlight);
                        return;
                    }
                    if (failure == null && answer.status() == 409 && answer.body().contains("still being processed")
                            && attempt < IN_PROGRESS_ATTEMPTS) {
                        retried.incrementAndGet();
                        CompletableFuture.delayedExecutor(IN_PROGRESS_PAUSE.toMillis(), TimeUnit.MILLISECONDS)
                                .execute(() -> send(send, attempt + 1, inFlight));
                        return;
                    }
                    if (failure != null) {
                        refused.put(send, "unanswered after " + attempt + " attempts: " + failure);
                    } else {
                        Matcher id = MESSAGE_ID.matcher(answer.body());
                        if (answer.status() == 200 && id.find()) {
                            accepted.put(send, id.group(1));
                        } else {
                            refused.put(send, answer.status() + " " + Json.abbreviated(answer.body()));
                        }
                    }
                    inFlight.release();
                });
    }

    /** How long after the kill every channel of the dead node was held by another, polled in the background. */
    private CompletableFuture<Duration> movedAway(Connection db, Member victim, List<String> channels,
            long killedAt) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                long deadline = killedAt + SPREAD_LIMIT.plus(HANDOVER_LIMIT).toNanos();
                while (System.nanoTime() < deadline) {
                    if (heldByOthers(db, victim, channels) == channels.size()) {
                        return Duration.ofNanos(System.nanoTime() - killedAt);
                    }
                    Thread.sleep(POLL.toMillis());
                }
                return Duration.ofNanos(deadline - killedAt);
            } catch (SQLException | InterruptedException failed) {
                throw new IllegalStateException("cannot read the leases", failed);
            }
        });
    }

    private static int heldByOthers(Connection db, Member victim, List<String> channels) throws SQLException {
        synchronized (db) {
            try (PreparedStatement query = db.prepareStatement("select count(*) from channel_leases l"
                    + " join channels c on c.id = l.channel_id where l.node not like ? and l.expires_at > now()"
                    + " and c.phone_number_id = any (?)")) {
                query.setString(1, victim.namePattern());
                query.setArray(2, db.createArrayOf("varchar", channels.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        }
    }

    /** Waits until no send waits unclaimed and nothing more reaches the stand-in for a second. */
    private void drain(Connection db, GraphStandIn graph) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        int arrived = -1;
        while (System.nanoTime() < deadline) {
            long waiting;
            synchronized (db) {
                try (PreparedStatement query = db.prepareStatement(
                        "select count(*) from send_queue where claimed_at is null");
                        ResultSet rows = query.executeQuery()) {
                    rows.next();
                    waiting = rows.getLong(1);
                }
            }
            if (waiting == 0 && graph.arrived() == arrived) {
                out.printf(Locale.ROOT, "drained at %s: %,d sends reached the stand-in%n", elapsed(), arrived);
                return;
            }
            arrived = graph.arrived();
            Thread.sleep(1_000);
        }
        violations.add("the queue did not drain", "within " + DRAIN_LIMIT.toMinutes() + " min");
    }

    private void check(GraphStandIn graph, Connection db, List<String> victimChannels, long killedAt,
            Optional<Duration> moved) throws SQLException {
        List<GraphStandIn.Arrival> arrivals = graph.arrivals();
        Map<String, List<GraphStandIn.Arrival>> byChannel = arrivals.stream()
                .collect(Collectors.groupingBy(GraphStandIn.Arrival::phoneNumberId, TreeMap::new,
                        Collectors.toList()));
        int mostInASecond = 0;
        for (Map.Entry<String, List<GraphStandIn.Arrival>> channel : byChannel.entrySet()) {
            long[] times = channel.getValue().stream().mapToLong(GraphStandIn.Arrival::nanos).sorted().toArray();
            int most = Seconds.mostInOne(times);
            mostInASecond = Math.max(mostInASecond, most);
            if (most > options.throughput()) {
                violations.add("a channel over its throughput", String.format(Locale.ROOT, "%s: %d in the second"
                        + " from %.2f s after the kill, throughput %d", channel.getKey(), most,
                        (Seconds.busiestFrom(times) - killedAt) / 1e9, options.throughput()));
            }
        }
        out.printf(Locale.ROOT, "throughput: at most %d of a channel's messages reached the stand-in in any one"
                + " second (each channel's throughput is %d)%n", mostInASecond, options.throughput());
        moved.ifPresent(took -> out.printf(Locale.ROOT, "handover: the dead node's %d channels were held by"
                + " others %.1f s after the kill%n", victimChannels.size(), took.toMillis() / 1e3));
        // The dead node's requests already on their way still arrive after the kill: the new holder's come later.
        long heldByOthers = killedAt + moved.orElse(Duration.ZERO).toNanos();
        for (String channel : victimChannels) {
            Optional<Long> firstAfter = byChannel.getOrDefault(channel, List.of()).stream()
                    .mapToLong(GraphStandIn.Arrival::nanos).filter(at -> at > heldByOthers).min().stream().boxed()
                    .findFirst();
            Duration took = firstAfter.map(at -> Duration.ofNanos(at - killedAt)).orElse(Duration.ofDays(1));
            out.printf(Locale.ROOT, "  channel %s sent again %s after the kill%n", channel,
                    firstAfter.isPresent() ? String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1e3) : "never");
            if (took.compareTo(HANDOVER_LIMIT) > 0) {
                violations.add("a dead node's channel did not move in time", channel + ": "
                        + (firstAfter.isPresent() ? took.toMillis() + " ms" : "never sent again"));
            }
        }
        Map<String, Long> times = arrivals.stream().collect(Collectors.groupingBy(
                GraphStandIn.Arrival::callbackData, Collectors.counting()));
        times.forEach((wamid, count) -> {
            if (count > 1) {
                violations.add("a message sent twice", wamid + " reached the stand-in " + count + " times");
            }
        });
        Set<String> acceptedIds = new HashSet<>(accepted.values());
        times.keySet().stream().filter(wamid -> !acceptedIds.contains(wamid)).forEach(wamid -> violations.add(
                "a message sent that no client was told of", wamid));
        Set<String> inDoubt = claimedButUnsettled(db);
        int unsent = 0;
        for (String wamid : acceptedIds) {
            if (!times.containsKey(wamid)) {
                if (!inDoubt.contains(wamid)) {
                    violations.add("an accepted message never sent", wamid);
                }
                unsent++;
            }
        }
        out.printf(Locale.ROOT, "messages: %,d accepted, %,d reached the stand-in, none twice; %,d claimed by the"
                + " dead node and never sent, left for an operator as Janela leaves an unanswered send%n",
                acceptedIds.size(), times.size(), unsent);
    }

    /** Janela's ids of the messages whose send a node claimed and never settled: the dead node's, in flight. */
    private static Set<String> claimedButUnsettled(Connection db) throws SQLException {
        synchronized (db) {
            try (PreparedStatement query = db.prepareStatement("select m.wamid from send_queue q"
                    + " join messages m on m.id = q.message_id where q.claimed_at is not null");
                    ResultSet rows = query.executeQuery()) {
                Set<String> wamids = new HashSet<>();
                while (rows.next()) {
                    wamids.add(rows.getString(1));
                }
                return wamids;
            }
        }
    }

    private int finish(Path work) throws IOException {
        return violations.finish(out, work, elapsed(), "the nodes' logs");
    }

    private static String channelId(int channel) {
        return Long.toString(FIRST_CHANNEL + channel);
    }

    private String elapsed() {
        return Suite.since(startedNanos);
    }
}
