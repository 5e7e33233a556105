package dev.janela.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic traffic log for {@code janela replay}: a few business channels, tens of thousands of customers
 * from many countries, conversations in bursts with gaps from seconds to weeks, templates of every category,
 * free-form messages outside the window, failed sends, about 0.5% repeated lines and a little disorder in time.
 * The same options give the same file, byte for byte.
 *
 * <pre>
 * java -cp janela-bench/target/benchmarks.jar dev.janela.bench.TrafficGenerator --events 1000000 --seed 42 \
 *     --out /tmp/traffic-1m.jsonl
 * </pre>
 *
 * <p>{@code --events} counts distinct events, which is what the replay reports as {@code events}; the repeated
 * lines come on top. A one-line summary goes to standard error. Exit status 0, or 2 on bad arguments or a file
 * that cannot be written, with a one-line message.
 */
public final class TrafficGenerator {
    private static final String NAME = "TrafficGenerator";
    private static final int EXIT_USAGE = 2;
    private static final int BUFFER_CHARS = 1 << 16;

    private TrafficGenerator() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(GeneratorOptions.USAGE);
            return;
        }
        GeneratorOptions options;
        try {
            options = GeneratorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        try {
            System.err.println(NAME + ": " + generate(options));
        } catch (IOException e) {
            System.err.println(NAME + ": cannot write " + options.out() + ": " + reason(e));
            System.exit(EXIT_USAGE);
        }
    }

    private static String generate(GeneratorOptions options) throws IOException {
        long startNanos = System.nanoTime();
        SplittableRandom random = new SplittableRandom(options.seed());
        Population population = Population.generate(options.customers(), random.split());
        TrafficSimulation simulation =
                new TrafficSimulation(population, options.start().getEpochSecond(), random.split());
        TrafficLog log;
        try (Writer out = open(options.out())) {
            log = new TrafficLog(out, population, random.split());
            for (int event = 0; event < options.events(); event++) {
                log.write(simulation.next());
            }
            log.finish();
        }
        return summary(options, population, log, System.nanoTime() - startNanos);
    }

    private static Writer open(String out) throws IOException {
        if (out.equals("-")) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), BUFFER_CHARS);
        }
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(out)),
                StandardCharsets.US_ASCII), BUFFER_CHARS);
    }

    /** Why a file could not be written, without the stack trace or the exception's class name. */
    private static String reason(IOException problem) {
        if (problem instanceof NoSuchFileException) {
            return "its directory does not exist";
        }
        if (problem instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (problem instanceof FileSystemException fileProblem && fileProblem.getReason() != null) {
            return fileProblem.getReason();
        }
        return problem.getMessage();
    }

    private static String summary(GeneratorOptions options, Population population, TrafficLog log, long nanos) {
        return String.format(Locale.ROOT, "wrote %d events + %d repeated lines = %d lines, %.1f MB, to %s;"
                        + " %d channels, %d customers, %d conversations; %s to %s; seed %d; %.2f s",
                log.messages(), log.duplicates(), log.messages() + log.duplicates(), log.bytes() / 1e6,
                options.out(), population.channels(), population.customers(), population.conversations(),
                Instant.ofEpochSecond(log.firstEpochSecond()), Instant.ofEpochSecond(log.lastEpochSecond()),
                options.seed(), nanos / 1e9);
    }
}
