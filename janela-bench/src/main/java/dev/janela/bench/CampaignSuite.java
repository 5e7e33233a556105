package dev.janela.bench;

import dev.janela.bench.crash.CampaignRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign sent end to end by the real server ({@code java -jar janela.jar serve}) through Meta's connector to a
 * stand-in for the Graph API, the server killed halfway and started again ({@link CampaignRun}): the channel never over
 * its throughput, no customer sent twice, and the campaign stopped exactly at the account's messaging limit.
 *
 * <pre>
 * java -cp janela-bench/target/benchmarks.jar dev.janela.bench.CampaignSuite \
 *     [--db-url 'jdbc:postgresql://localhost:5432/janela_campaign?user=janela&amp;password=janela'] \
 *     [--jar janela-cli/target/janela.jar] [--recipients 10000] [--throughput 200] [--messaging-limit 9000]
 * </pre>
 *
 * <p>Without {@code --db-url} the server keeps its data in the embedded store, in a new directory; with it, the
 * database's {@code public} schema is dropped and made again first. Exit status 0 when everything holds, 1 on any
 * violation (each printed, and the server's logs kept), 2 on bad usage.
 */
public final class CampaignSuite {
    private static final String NAME = "CampaignSuite";

    private CampaignSuite() {
    }

    public static void main(String[] args) throws Exception {
        LoadTool tool = new LoadTool(NAME, Map.of("--jar", "janela-cli/target/janela.jar", "--db-url", "",
                "--recipients", "10000", "--throughput", "200", "--messaging-limit", "9000"), args);
        Path jar = Path.of(tool.option("--jar"));
        if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.toAbsolutePath().resolveSibling("lib/server"))) {
            tool.usage("no server jar with its libraries (lib/server/) at " + jar + "; build it (mvn -B -q"
                    + " -Dmaven.test.skip=true -pl janela-cli -am package) or name it with --jar");
        }
        String dbUrl = tool.option("--db-url");
        if (!dbUrl.isEmpty() && !dbUrl.startsWith("jdbc:postgresql:")) {
            tool.usage("--db-url names a PostgreSQL database (jdbc:postgresql://...?user=...&password=...)");
        }
        if (tool.number("--messaging-limit") >= tool.number("--recipients")) {
            tool.usage("--messaging-limit must be below --recipients: the campaign is to stop at it");
        }
        CampaignRun.Options options = new CampaignRun.Options(jar, Optional.of(dbUrl).filter(url -> !url.isEmpty()),
                tool.number("--recipients"), tool.number("--throughput"), tool.number("--messaging-limit"));
        System.exit(new CampaignRun(options, System.out).run());
    }
}
