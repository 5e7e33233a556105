package dev.janela.server.refusal;

import java.util.List;
import java.util.Objects;

/**
 * Something Janela will not do, and why: thrown by the use case that decides, and answered by whichever edge asked
 * (the native API, the Cloud API, a page). Its message is for people; it says what was expected and what the caller
 * can do, and never holds a secret, a phone number or a message body. It is an answer, not a fault: it carries no
 * stack trace, which would cost more than most refusals take to decide.
 */
public class Refusal extends RuntimeException {
    private final Reason reason;
    private final List<FieldError> fields;

    public Refusal(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public Refusal(Reason reason, String message, List<FieldError> fields) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.fields = List.copyOf(fields);
    }

    /** Nothing by that name in the caller's account: {@code what} names it ({@code template 42}). */
    public static Refusal notFound(String what) {
        return new Refusal(Reason.NOT_FOUND, what + " was not found");
    }

    /**
     * A request with every field at fault: the message names the one problem, or else the fields, each once though
     * it has several problems.
     */
    public static Refusal invalid(List<FieldError> fields) {
        if (fields.size() == 1) {
            return new Refusal(Reason.INVALID_REQUEST, fields.get(0).field() + ": " + fields.get(0).message(), fields);
        }
        List<String> names = fields.stream().map(FieldError::field).distinct().toList();
        return new Refusal(Reason.INVALID_REQUEST, (names.size() == 1 ? "1 field is invalid: "
                : names.size() + " fields are invalid: ") + String.join(", ", names), fields);
    }

    /** A request with one field at fault. */
    public static Refusal invalid(String field, String problem) {
        return invalid(List.of(new FieldError(field, problem)));
    }

    /** Refuses a request with {@code problems}, the fields found at fault, unless there are none. */
    public static void requireNone(List<FieldError> problems) {
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
    }

    /** Janela failed where it should not have; what went wrong is in its log, never in the answer. */
    public static Refusal internal() {
        return new Refusal(Reason.INTERNAL, "Janela failed to handle the request; its log says why");
    }

    public static Refusal conflict(String message) {
        return new Refusal(Reason.CONFLICT, message);
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldError> fields() {
        return fields;
    }
}
