package dev.janela.cli;

import dev.janela.server.JanelaServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code janela serve}: runs Janela as a service until it is stopped (Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs Janela: Meta's webhooks in, Cloud-API-compatible sends out, the operator API.",
            "By default with an embedded database under --data-dir and the sandbox connector: nothing to set up.",
            "JANELA_DB_URL (with JANELA_DB_USER, JANELA_DB_PASSWORD) selects PostgreSQL instead; see the README for"
                + " every setting."})
final class ServeCommand implements Callable<Integer> {
    static final int FAILED_TO_START = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The HTTP port (default 8080).")
    private int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the embedded database lives (default ./data).")
    private Path dataDirectory;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be from 0 to 65535, not " + port);
        }
        try {
            JanelaServer.runUntilStopped(port, dataDirectory);
        } catch (RuntimeException startFailed) {
            // Spring Boot has printed what failed and what to do about it; a stack trace would only bury that.
            spec.commandLine().getErr().println("janela serve: Janela did not start: " + rootCause(startFailed)
                    + " (the report above says more)");
            return FAILED_TO_START;
        }
        return 0;
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
