package dev.janela.bench.crash;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar janela.jar serve} as a child process, started again and again on the same data: with the
 * secrets and the database the suite chose, its output appended to one log. Not thread-safe: the suite's main
 * thread drives it.
 */
final class ServerProcess {
    /** How often the health endpoint is asked while the server starts. */
    private static final Duration HEALTH_POLL = Duration.ofMillis(200);
    /** What a process killed by SIGKILL exits with: 128 + 9. */
    static final int KILLED = 137;
    /**
     * The server starts a dozen times and serves seconds of traffic each time. C1 alone starts it in a third to half
     * of the time on two busy cores (16 to 27 s against 55 s, measured); what a kill leaves behind does not depend on
     * the compiler.
     */
    private static final List<String> JAVA_OPTIONS = List.of("-Xmx1g", "-XX:TieredStopAtLevel=1",
            "-Djanela.progress=false");

    private final Path jar;
    private final int port;
    private final Path dataDir;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    /**
     * @param environment the {@code JANELA_*} settings; every other {@code JANELA_*} variable of the suite's own
     *     environment is left out, so that the suite's caller cannot point the server elsewhere by accident
     */
    ServerProcess(Path jar, int port, Path dataDir, Map<String, String> environment, Path log) {
        this.jar = jar;
        this.port = port;
        this.dataDir = dataDir;
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** Starts the server; returns its process id. */
    long start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JAVA_OPTIONS);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", Integer.toString(port), "--data-dir",
                dataDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("JANELA_"));
        builder.environment().putAll(environment);
        process = builder.start();
        return process.pid();
    }

    /**
     * Asks {@code /actuator/health} until the server is up, for at most {@code limit}.
     *
     * @return how long it took; empty if the server died or did not come up in time
     */
    Optional<Duration> awaitHealthy(JanelaClient client, long startedNanos, Duration limit)
            throws InterruptedException {
        long deadline = startedNanos + limit.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (client.isHealthy()) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - startedNanos));
            }
            Thread.sleep(HEALTH_POLL.toMillis());
        }
        return Optional.empty();
    }

    /**
     * Kills the server with SIGKILL ({@link Process#destroyForcibly()} sends it on Linux) and waits for it to die.
     *
     * @return its exit status: {@value #KILLED} when SIGKILL killed it
     */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server (pid " + process.pid() + ") did not die of SIGKILL");
        }
        return process.exitValue();
    }

    /** Kills the server if it is running: when the suite itself stops. */
    void killIfRunning() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }
}
