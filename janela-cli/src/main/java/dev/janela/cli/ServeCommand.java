package dev.janela.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.BindException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code janela serve}: runs Janela as a service until it is stopped (Ctrl-C). The server and its libraries are
 * loaded only here, from {@code lib/server/} beside {@code janela.jar}, so that no other command pays for them.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Janela.Version.class, sortOptions = false,
        description = {
            "Runs Janela: Meta's webhooks in, Cloud-API-compatible sends out, the operator API.",
            "By default with an embedded database under --data-dir and the sandbox connector: nothing to set up.",
            "JANELA_DB_URL (with JANELA_DB_USER, JANELA_DB_PASSWORD) selects PostgreSQL instead; see the README for"
                + " every setting."})
final class ServeCommand implements Callable<Integer> {
    static final int FAILED_TO_START = 1;
    private static final String SERVER = "dev.janela.server.JanelaServer";

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The HTTP port (default 8080).")
    private int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the embedded database lives (default ./data).")
    private Path dataDirectory;

    @Option(names = "--demo", description = "Gives the default account a demo channel, templates, the example rate"
            + " card and customers in every state, once, so that there is something to look at.")
    private boolean demo;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be from 0 to 65535, not " + port);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // Never closed: the server's shutdown, which runs after this returns, still loads classes from it.
        URLClassLoader libraries = new URLClassLoader("janela-server", serverLibraries(),
                ServeCommand.class.getClassLoader());
        try {
            // Spring finds its resources through the thread's class loader.
            Thread.currentThread().setContextClassLoader(libraries);
            Class.forName(SERVER, true, libraries).getMethod("runUntilStopped", int.class, Path.class,
                    boolean.class).invoke(null, port, dataDirectory, demo);
        } catch (ClassNotFoundException missing) {
            throw new UsageException("the server's libraries are missing: build Janela with ./janela or"
                    + " mvn package, which puts them in lib/server/ beside janela.jar");
        } catch (InvocationTargetException failed) {
            if (!(failed.getCause() instanceof RuntimeException startFailed)) {
                throw failed;
            }
            // Spring Boot has printed what failed and what to do about it; a stack trace would only bury that.
            spec.commandLine().getErr().println("janela serve: Janela did not start: " + reason(startFailed, port)
                    + " (the report above says more)");
            return FAILED_TO_START;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return 0;
    }

    /** The jars in {@code lib/server/} beside the jar this class came from; none when run from classes. */
    private static URL[] serverLibraries() throws URISyntaxException {
        Path home = Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path libraries = home.resolveSibling("lib").resolve("server");
        if (!Files.isDirectory(libraries)) {
            return new URL[0];
        }
        try (Stream<Path> jars = Files.list(libraries)) {
            List<Path> sorted = jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
            URL[] urls = new URL[sorted.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = sorted.get(i).toUri().toURL();
            }
            return urls;
        } catch (MalformedURLException e) {
            throw new IllegalStateException("a file's path is always a URL", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + libraries, e);
        }
    }

    /** Why a start on {@code port} failed, in one line: its root cause, told in Janela's words where it knows it. */
    static String reason(Throwable failure, int port) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof BindException) {
            return "port " + port + " is in use; stop what uses it, or start Janela with another --port";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
