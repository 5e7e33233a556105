package dev.janela.core.replay;

import dev.janela.core.ErrorCode;
import dev.janela.core.JanelaException;

/**
 * One line of a traffic log is not a valid event. The message names the field to blame, if one is, and says what
 * was expected; it never repeats the field's value, which may be a phone number. Thrown once per malformed line, so
 * it carries no stack trace.
 */
public final class InvalidEventException extends JanelaException {
    InvalidEventException(String problem) {
        super(ErrorCode.INVALID_EVENT, problem, false);
    }

    static InvalidEventException field(String field, String problem) {
        return new InvalidEventException(field + ": " + problem);
    }
}
