package dev.janela.bench.graph;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * What Meta posts back after a send, as a campaign sees it: the message's statuses (sent, delivered, read, each a
 * signed webhook of its own, a little after the one before, the first two with Meta's pricing of a marketing
 * template) and, from some customers, a reply. Posted to Janela's webhook endpoint over a few kept-alive connections,
 * each written and read by a thread of its own, since Java's HTTP client cost two thirds of the server's CPU a send
 * in this mix; when Janela answers more slowly than they come, they wait, and how late they were posted is the
 * backlog.
 */
public final class MetaWebhooks implements AutoCloseable {
    /** When each status follows the send's answer, as Meta's come within about a second. */
    private static final Duration[] STATUS_DELAYS = {Duration.ofMillis(50), Duration.ofMillis(200),
        Duration.ofMillis(1_000)};
    private static final String[] STATUSES = {"sent", "delivered", "read"};
    /** Meta prices a message on {@code sent} and on one of {@code delivered} and {@code read}. */
    private static final String PRICING = ",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\","
            + "\"type\":\"regular\",\"category\":\"marketing\"}";
    private static final Duration REPLY_DELAY = Duration.ofMillis(2_000);

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meta-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final URI endpoint;
    private final WebhookSignature signature;
    private final double repliesPerSend;
    /** The posts that are due, oldest first, for the connections to take. */
    private final BlockingQueue<Due> due = new LinkedBlockingQueue<>();
    private final List<Thread> connections = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(42);
    private final AtomicInteger scheduled = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger replies = new AtomicInteger();
    private final AtomicLong replyIds = new AtomicLong();
    /** For each post answered: how long Janela took, and how late the post was made, in nanoseconds. */
    private final ConcurrentLinkedQueue<long[]> timings = new ConcurrentLinkedQueue<>();

    /**
     * @param endpoint Janela's webhook endpoint ({@code /webhooks/whatsapp})
     * @param appSecret the app's secret, which signs every delivery
     * @param repliesPerSend the share of sends whose customer replies
     * @param concurrency how many connections post, and so how many webhooks may be in flight
     */
    public MetaWebhooks(URI endpoint, String appSecret, double repliesPerSend, int concurrency) {
        this.endpoint = endpoint;
        this.signature = new WebhookSignature(appSecret);
        this.repliesPerSend = repliesPerSend;
        for (int connection = 0; connection < concurrency; connection++) {
            Thread thread = new Thread(this::postDue, "meta-webhooks-" + connection);
            thread.setDaemon(true);
            thread.start();
            connections.add(thread);
        }
    }

    /** A post due at {@code nanos}, by {@link System#nanoTime()}. */
    private record Due(String body, long nanos) {
    }

    /**
     * Schedules what Meta posts back for a send it just answered with {@code wamid}.
     *
     * @param callbackData the send's {@code biz_opaque_callback_data}, which Meta gives back in its statuses
     */
    void followSend(String phoneNumberId, String wamid, String to, String callbackData) {
        for (int index = 0; index < STATUSES.length; index++) {
            String status = STATUSES[index];
            schedule(STATUS_DELAYS[index], () -> status(phoneNumberId, wamid, to, callbackData, status));
        }
        boolean replies;
        synchronized (random) {
            replies = random.nextDouble() < repliesPerSend;
        }
        if (replies) {
            this.replies.incrementAndGet();
            schedule(REPLY_DELAY, () -> reply(phoneNumberId, to));
        }
    }

    /** How many posts were scheduled so far. */
    public int scheduled() {
        return scheduled.get();
    }

    /** How many were answered, 200 or not. */
    public int answered() {
        return answered.get();
    }

    /** Waits until every scheduled post was answered, or {@code timeout} passed; whether they all were. */
    public boolean awaitAnswers(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answered.get() < scheduled.get() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return answered.get() == scheduled.get();
    }

    /** Forgets the posts answered so far, once none is in flight: to report on a measured phase alone. */
    public void restart() {
        if (answered.get() != scheduled.get()) {
            throw new IllegalStateException("webhooks are still in flight");
        }
        timings.clear();
        scheduled.set(0);
        answered.set(0);
        refused.set(0);
        replies.set(0);
    }

    /**
     * The posts answered so far.
     *
     * @param answered how many
     * @param replies how many of them were customers' replies, the rest statuses
     * @param refused how many were not answered 200
     * @param latencies how long Janela took to answer each, sorted, in nanoseconds
     * @param lateness how late each was posted, sorted, in nanoseconds
     */
    public record Answers(int answered, int replies, int refused, long[] latencies, long[] lateness) {
    }

    /** The posts answered so far, with their timings. */
    public Answers answers() {
        long[][] timed = timings.toArray(long[][]::new);
        long[] latencies = Arrays.stream(timed).mapToLong(timing -> timing[0]).sorted().toArray();
        long[] lateness = Arrays.stream(timed).mapToLong(timing -> timing[1]).sorted().toArray();
        return new Answers(timed.length, replies.get(), refused.get(), latencies, lateness);
    }

    private void schedule(Duration delay, Supplier<String> body) {
        scheduled.incrementAndGet();
        long nanos = System.nanoTime() + delay.toNanos();
        clock.schedule(() -> due.add(new Due(body.get(), nanos)), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Posts due webhooks over one connection, opened again whenever Janela closes it, until closed. A post whose
     * connection fails before its answer counts as answered, not 200.
     */
    private void postDue() {
        while (!Thread.currentThread().isInterrupted()) {
            Due post = null;
            try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
                socket.setTcpNoDelay(true);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream());
                InputStream in = new BufferedInputStream(socket.getInputStream());
                while (true) {
                    post = due.take();
                    long postedAt = System.nanoTime();
                    byte[] body = post.body().getBytes(StandardCharsets.UTF_8);
                    out.write(("POST " + endpoint.getRawPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost()
                            + "\r\nContent-Type: application/json\r\nX-Hub-Signature-256: " + signature.of(body)
                            + "\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    Response response = Response.read(in);
                    timings.add(new long[] {System.nanoTime() - postedAt, Math.max(0, postedAt - post.nanos())});
                    if (response.status() != 200) {
                        refused.incrementAndGet();
                    }
                    answered.incrementAndGet();
                    post = null;
                    if (!response.keepsAlive()) {
                        break;
                    }
                }
            } catch (InterruptedException stopped) {
                return;
            } catch (IOException lost) {
                // Janela closed the connection, or is not listening yet: open another
                if (post != null) {
                    refused.incrementAndGet();
                    answered.incrementAndGet();
                }
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
        }
    }

    /** An HTTP response's status and whether its connection stays open, its body read and dropped. */
    private record Response(int status, boolean keepsAlive) {
        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ");
            if (parts.length < 2) {
                throw new IOException("not an HTTP response: " + statusLine);
            }
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring("content-length:".length()).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                    in.skipNBytes(size);
                    line(in);
                }
                line(in);
            } else {
                in.skipNBytes(length);
            }
            return new Response(Integer.parseInt(parts[1]), !close);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    private static String status(String phoneNumberId, String wamid, String to, String callbackData,
            String status) {
        return WebhookBodies.delivery(phoneNumberId, "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status
                + "\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"recipient_id\":\"" + to + "\""
                + (callbackData.isEmpty() ? "" : ",\"biz_opaque_callback_data\":\"" + callbackData + "\"")
                + (status.equals("read") ? "" : PRICING) + "}]");
    }

    private String reply(String phoneNumberId, String to) {
        return WebhookBodies.textMessage(phoneNumberId, "wamid.reply-" + replyIds.incrementAndGet(), to, "Load",
                Instant.now().getEpochSecond(), "Thanks");
    }

    @Override
    public void close() {
        clock.shutdownNow();
        connections.forEach(Thread::interrupt);
    }
}
