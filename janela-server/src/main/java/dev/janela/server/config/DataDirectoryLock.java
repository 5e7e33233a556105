package dev.janela.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The data directory, held by one Janela at a time: the embedded store serves one node only, and a second Janela on
 * its file would send, deliver and count what the first does too. The hold is a lock on the file {@code janela.lock}
 * there, which the operating system releases when the process ends, however it ends.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "janela.lock";

    /** The lock file's channel, whose lock closing it releases; empty when Janela keeps no embedded store. */
    private final Optional<FileChannel> held;

    private DataDirectoryLock(Optional<FileChannel> held) {
        this.held = held;
    }

    /** Nothing held, for a Janela whose database is elsewhere. */
    static DataDirectoryLock none() {
        return new DataDirectoryLock(Optional.empty());
    }

    /**
     * Holds {@code directory}, made if it is missing, until {@link #close}.
     *
     * @throws DataDirectoryInUseException if another Janela holds it, in another process or in this one
     */
    static DataDirectoryLock hold(Path directory) {
        FileChannel channel = open(directory);
        try {
            if (channel.tryLock() != null) {
                return new DataDirectoryLock(Optional.of(channel));
            }
        } catch (OverlappingFileLockException heldInThisProcess) {
            // Tests start several Janelas in one process; one of them has the directory.
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot lock the data directory " + directory, e);
        }
        close(channel);
        throw new DataDirectoryInUseException(directory);
    }

    @Override
    public void close() {
        held.ifPresent(DataDirectoryLock::close);
    }

    private static FileChannel open(Path directory) {
        try {
            Files.createDirectories(directory);
            return FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory + " or its lock file", e);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the data directory's lock file", e);
        }
    }
}
