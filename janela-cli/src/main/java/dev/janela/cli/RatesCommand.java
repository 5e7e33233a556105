package dev.janela.cli;

import dev.janela.core.FileFormatException;
import dev.janela.core.plan.PricingPlanFile;
import dev.janela.core.ratecard.MetaRateFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code janela rates}: rate cards and volume tiers. */
@Command(name = "rates", mixinStandardHelpOptions = true, versionProvider = Janela.Version.class,
        description = "Rate cards and volume tiers.",
        subcommands = RatesCommand.Import.class)
final class RatesCommand implements Runnable {
    @Override
    public void run() {
        throw new UsageException("name what to do: janela rates import FILE --from DATE");
    }

    /** {@code janela rates import}: one of Meta's rate files in Janela's format. */
    @Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Janela.Version.class,
            sortOptions = false,
            description = {"Prints one of Meta's rate files, as Meta publishes it, in Janela's format: its rate card"
                + " file (Pricing.csv: one row a market, one column a category) as a rate card for --rates, its"
                + " volume tiers file (Tier Pricing.csv) as volume tiers for --tiers. Meta's markets become"
                + " Janela's (Brazil as BR, Other as *), $US becomes USD, n/a cells are left out.",
                "A file that cannot be read whole is refused, naming its line and the reason; nothing is printed."},
            footer = {"", "Exit status: 0 on success; 2 on bad arguments or a file Janela cannot read, with one"
                + " line on standard error naming the problem."})
    static final class Import implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--from", paramLabel = "DATE", required = true,
                description = "When Meta's prices take effect: a day (2026-10-01, from midnight UTC) or an instant.")
        private String from;

        @Parameters(index = "0", paramLabel = "FILE", description = "Meta's Pricing.csv or Tier Pricing.csv.")
        private Path file;

        @Override
        public Integer call() {
            Instant effectiveFrom = PricingPlanFile.dayOrInstant(from, ZoneOffset.UTC).orElseThrow(() ->
                    new UsageException("--from: '" + from + "' is not a day (2026-10-01) or an instant"
                            + " (2026-10-01T00:00:00Z)"));
            MetaRateFiles.Converted converted;
            try {
                converted = MetaRateFiles.convert(file.toString(), Inputs.text(file));
            } catch (FileFormatException e) {
                throw new UsageException(e.getMessage(), e);
            }
            boolean card = converted.kind() == MetaRateFiles.Kind.RATE_CARD;
            spec.commandLine().getOut().print("# " + (card ? "Rate card" : "Volume tiers") + " from Meta's "
                    + file.getFileName() + " (" + converted.currency().getCurrencyCode() + "), in force from "
                    + effectiveFrom + ": " + (card ? "--rates FILE@" + from : "--tiers FILE, with a rate card in "
                    + converted.currency().getCurrencyCode()) + "\n" + converted.csv());
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("janela rates import: " + converted.rows()
                    + (card ? " prices" : " ranges") + " in " + converted.currency().getCurrencyCode());
            return 0;
        }
    }
}
