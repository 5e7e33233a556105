package dev.janela.bench.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The JDBC drivers of the server under test, loaded from the libraries beside its jar ({@code lib/server/}): the
 * suite reads the database with the very driver, and so the very file format, the server wrote it with, and the
 * benchmarks carry no driver of their own.
 */
final class ServerDrivers {
    private final Path libraries;
    private final ClassLoader loader;

    private ServerDrivers(Path libraries, ClassLoader loader) {
        this.libraries = libraries;
        this.loader = loader;
    }

    /** The drivers among the libraries of {@code jar}, Janela's command-line jar. */
    static ServerDrivers beside(Path jar) {
        Path libraries = jar.toAbsolutePath().getParent().resolve("lib").resolve("server");
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(libraries)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(file.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException("a library's path is not a URL", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the server's libraries in " + libraries
                    + "; build janela-cli first", e);
        }
        return new ServerDrivers(libraries, new URLClassLoader(urls.toArray(URL[]::new),
                ServerDrivers.class.getClassLoader()));
    }

    /** A connection to {@code url}, through the first of the server's drivers that takes it. */
    Connection connect(String url, Properties properties) throws SQLException {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        while (true) {
            Driver driver;
            try {
                if (!drivers.hasNext()) {
                    break;
                }
                driver = drivers.next();
            } catch (ServiceConfigurationError unusable) {
                continue; // a driver whose own dependencies are missing here; another may take the URL
            }
            if (driver.acceptsURL(url)) {
                return driver.connect(url, properties);
            }
        }
        throw new SQLException("none of the server's libraries in " + libraries + " has a driver for "
                + url.replaceAll("\\?.*", "?***"));
    }
}
