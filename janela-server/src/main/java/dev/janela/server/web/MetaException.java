package dev.janela.server.web;

import java.util.Objects;

/** A send refused in Meta's terms; answered in Meta's error envelope. */
public final class MetaException extends RuntimeException {
    private final MetaError error;

    /**
     * @param details what exactly is wrong, for the envelope's {@code error_data.details}; never a phone number or a
     *     message body
     */
    public MetaException(MetaError error, String details) {
        super(details);
        this.error = Objects.requireNonNull(error, "error");
    }

    public MetaError error() {
        return error;
    }

    public String details() {
        return getMessage();
    }
}
