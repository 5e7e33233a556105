package dev.janela.bench;

import dev.janela.bench.crash.ClusterRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Several nodes over one PostgreSQL, one killed while they send ({@link ClusterRun}): starts the real server
 * ({@code java -jar janela.jar serve}) several times on one emptied database, with Meta's connector pointed at a
 * stand-in for the Graph API, sends through every node faster than the channels' throughput allows, kills one node
 * halfway, and checks that no channel went over its throughput in any second, the dead node's channels moved within
 * 15 s, and nothing was sent twice or lost.
 *
 * <pre>
 * java -cp janela-bench/target/benchmarks.jar dev.janela.bench.ClusterSuite \
 *     --db-url 'jdbc:postgresql://localhost:5432/janela_cluster?user=janela&amp;password=janela' \
 *     [--jar janela-cli/target/janela.jar] [--nodes 3] [--channels 6] [--throughput 10] [--rate 80] [--seconds 40] \
 *     [--margin-ms 400]
 * </pre>
 *
 * <p>One send through each channel first warms each node's HTTP client. Then, by default, 80 sends a second are
 * offered to 6 channels of 10 a second each, so that every channel builds a queue.
 * The nodes' throughput margin is 400 ms rather than the 150 ms default: three nodes starting, PostgreSQL and the suite
 * share two cores, and a node's threads wait for one for long enough that requests paced with the default margin
 * reached the stand-in up to 13 in a second on a channel of 10, twice in a run, in its first seconds of sending.
 *
 * <p>The database's {@code public} schema is dropped and made again first. Exit status 0 when everything holds, 1 on
 * any violation (each printed, and the nodes' logs kept), 2 on bad usage.
 */
public final class ClusterSuite {
    private static final String NAME = "ClusterSuite";

    private ClusterSuite() {
    }

    public static void main(String[] args) throws Exception {
        LoadTool tool = new LoadTool(NAME, Map.of("--jar", "janela-cli/target/janela.jar", "--db-url", "",
                "--nodes", "3", "--channels", "6", "--throughput", "10", "--rate", "80", "--seconds", "40",
                "--margin-ms", "400"), args);
        Path jar = Path.of(tool.option("--jar"));
        if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.toAbsolutePath().resolveSibling("lib/server"))) {
            tool.usage("no server jar with its libraries (lib/server/) at " + jar + "; build it (mvn -B -q"
                    + " -Dmaven.test.skip=true -pl janela-cli -am package) or name it with --jar");
        }
        String dbUrl = tool.option("--db-url");
        if (!dbUrl.startsWith("jdbc:postgresql:")) {
            tool.usage("--db-url names the PostgreSQL database the nodes share (jdbc:postgresql://...?user=..."
                    + "&password=...)");
        }
        if (tool.number("--nodes") < 2) {
            tool.usage("--nodes must be 2 or more: one of them is killed");
        }
        ClusterRun.Options options = new ClusterRun.Options(jar, dbUrl, tool.number("--nodes"),
                tool.number("--channels"), tool.number("--throughput"), tool.number("--rate"),
                Duration.ofSeconds(tool.number("--seconds")), Duration.ofMillis(tool.number("--margin-ms")));
        System.exit(new ClusterRun(options, System.out).run());
    }
}
