package dev.janela.bench;

import dev.janela.bench.crash.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The crash suite: starts the real server ({@code java -jar janela.jar serve}) on a fresh store, drives concurrent
 * signed webhooks (exact duplicates, one delivery posted several times at once) and template and free-form sends
 * with {@code Idempotency-Key}s (keys sent again, and several times at once) at it, kills it with SIGKILL at moments
 * drawn from the seed, starts it again on the same data, and retries what was unanswered as Meta and clients do.
 * Then it checks that every acknowledged webhook is stored exactly once, nothing is stored that nobody was told
 * about, every key got one answer, the ledger and the windows are what an independent oracle of the session rules
 * makes of what was accepted, and the store is consistent as the last kill left it.
 *
 * <pre>
 * java -cp janela-bench/target/benchmarks.jar dev.janela.bench.CrashSuite --kills 10 --seed 42 \
 *     [--db-url 'jdbc:postgresql://localhost:5432/janela_crash?user=janela&amp;password=janela'] \
 *     [--jar janela-cli/target/janela.jar] [--customers 40] [--concurrency 12]
 * </pre>
 *
 * <p>Without {@code --db-url} the server keeps its data in its embedded database, in a new directory; with it, in
 * that PostgreSQL database, whose {@code public} schema is dropped and made again first. Without {@code --seed} a
 * seed is drawn; either way it is printed first. Exit status 0 when everything holds, 1 on any violation (each is
 * printed with the ids involved, and the server's log and data are kept), 2 on bad usage.
 */
public final class CrashSuite {
    private static final String NAME = "CrashSuite";

    private CrashSuite() {
    }

    public static void main(String[] args) throws Exception {
        LoadTool tool = new LoadTool(NAME, Map.of("--kills", "10", "--seed", "", "--jar",
                "janela-cli/target/janela.jar", "--db-url", "", "--customers", "40", "--concurrency", "12"), args);
        long seed = seed(tool);
        System.out.println(NAME + ": seed " + seed);
        Path jar = Path.of(tool.option("--jar"));
        if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.toAbsolutePath().resolveSibling("lib/server"))) {
            tool.usage("no server jar with its libraries (lib/server/) at " + jar + "; build it (mvn -B -q"
                    + " -Dmaven.test.skip=true -pl janela-cli -am package) or name it with --jar");
        }
        String dbUrl = tool.option("--db-url");
        if (!dbUrl.isEmpty() && !dbUrl.startsWith("jdbc:postgresql:")) {
            tool.usage("--db-url names a PostgreSQL database (jdbc:postgresql://...?user=...&password=...), not "
                    + dbUrl.replaceAll("\\?.*", "?..."));
        }
        Suite.Options options = new Suite.Options(tool.number("--kills"), seed, jar,
                Optional.of(dbUrl).filter(url -> !url.isEmpty()), tool.number("--customers"),
                tool.number("--concurrency"));
        System.exit(new Suite(options, System.out).run());
    }

    private static long seed(LoadTool tool) {
        String seed = tool.option("--seed");
        if (seed.isEmpty()) {
            return new SplittableRandom().nextLong();
        }
        try {
            return Long.parseLong(seed);
        } catch (NumberFormatException notANumber) {
            tool.usage("--seed must be a whole number, not " + seed);
            return 0;
        }
    }
}
