package dev.janela.server.web;

import java.util.List;
import java.util.Objects;

/**
 * A request the native API refuses, with its stable code, a message for people, and, for invalid requests, every
 * field at fault. Answered as {@code {"code":...,"message":...,"fields":[...]}}.
 */
public final class ApiException extends RuntimeException {
    private final ApiErrorCode code;
    private final List<FieldError> fields;

    public ApiException(ApiErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ApiException(ApiErrorCode code, String message, List<FieldError> fields) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.fields = List.copyOf(fields);
    }

    public static ApiException notFound(String what) {
        return new ApiException(ApiErrorCode.NOT_FOUND, what + " was not found");
    }

    public static ApiException invalid(List<FieldError> fields) {
        return new ApiException(ApiErrorCode.INVALID_REQUEST, fields.size() == 1 ? fields.get(0).field() + ": "
                + fields.get(0).message() : fields.size() + " fields are invalid", fields);
    }

    public ApiErrorCode code() {
        return code;
    }

    public List<FieldError> fields() {
        return fields;
    }

    /**
     * One field at fault.
     *
     * @param field its name, as in the request ({@code phone_number_id})
     * @param message what is wrong and what is expected
     */
    public record FieldError(String field, String message) {
    }
}
