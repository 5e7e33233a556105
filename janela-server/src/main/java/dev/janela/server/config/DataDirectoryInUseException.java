package dev.janela.server.config;

import java.nio.file.Path;

/** Another Janela holds the data directory that this one was to keep its embedded store in. */
final class DataDirectoryInUseException extends IllegalStateException {
    private final Path directory;

    DataDirectoryInUseException(Path directory) {
        super("another Janela is using the data directory " + directory + "; stop it, or start this one with"
                + " another --data-dir");
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }
}
