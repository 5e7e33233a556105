package dev.janela.cli;

import dev.janela.core.JanelaException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code janela} command. */
@Command(name = "janela", mixinStandardHelpOptions = true, versionProvider = Janela.Version.class,
        description = "Janela: a self-hosted WhatsApp Business session and billing gateway.")
public final class Janela {
    /** Exit status for bad arguments, unreadable files and invalid input. */
    static final int USAGE = 2;
    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, ReplayCommand.class,
            RatesCommand.class, CommandLine.HelpCommand.class);

    private Janela() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Runs the command with {@code args}, reading {@code in} where asked to and writing to {@code out} and
     * {@code err}; returns the exit status.
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CommandLine command = new CommandLine(new Janela(), new Factory(in));
        // Before the settings below, which reach only the subcommands added by then.
        subcommandsFor(args).forEach(command::addSubcommand);
        command.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        command.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        command.setParameterExceptionHandler((problem, arguments) -> {
            CommandLine failed = problem.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + problem.getMessage()
                    + " (see " + failed.getCommandSpec().qualifiedName() + " --help)");
            return USAGE;
        });
        command.setExecutionExceptionHandler((problem, failed, parseResult) -> {
            if (problem instanceof UsageException || problem instanceof JanelaException) {
                failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + problem.getMessage());
                return USAGE;
            }
            throw problem;
        });
        return command.execute(args);
    }

    /**
     * The subcommands to build: only the one the arguments start with, if they name one, else all of them (for
     * help, suggestions and the error that names them). Picocli reads each subcommand's options by reflection as it
     * is added, which took a quarter of a second for all of them on a busy two-core machine, most of a short
     * replay's start.
     */
    private static List<Class<?>> subcommandsFor(String[] args) {
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (args.length > 0 && subcommand != CommandLine.HelpCommand.class && nameOf(subcommand).equals(args[0])) {
                return List.of(subcommand);
            }
        }
        return SUBCOMMANDS;
    }

    private static String nameOf(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    /** Creates the subcommands, handing standard input to those that read it. */
    private record Factory(InputStream in) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            return type == ReplayCommand.class ? type.cast(new ReplayCommand(in))
                    : CommandLine.defaultFactory().create(type);
        }
    }

    /** The version recorded in the jar's manifest at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Janela.class.getPackage().getImplementationVersion();
            return new String[] {"janela " + (version == null ? "(development build)" : version)};
        }
    }
}
