package dev.janela.cli;

/** A mistake in the command line or in a file it names; its message is the one line the user sees. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
