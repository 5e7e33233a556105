package dev.janela.server.web;

import java.io.IOException;

/** A request body went past the size Janela reads; thrown while it is read, answered 413. */
final class RequestTooLargeException extends IOException {
    private final int limit;

    RequestTooLargeException(int limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The most the request's body could take, in bytes. */
    int limit() {
        return limit;
    }
}
