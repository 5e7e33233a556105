package dev.janela.server.web;

import dev.janela.core.FileFormatException;
import dev.janela.core.JanelaException;
import dev.janela.core.template.InvalidTemplateException;
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

    /** The native refusal for a failure the core reports, by its stable code. */
    public static ApiException from(JanelaException refusal) {
        ApiErrorCode code = switch (refusal.code()) {
            case INVALID_RATE_CARD, INVALID_MARKETS_FILE, INVALID_EVENT, INVALID_TEMPLATE, CURRENCY_MISMATCH,
                    INVALID_VOLUME_TIERS, INVALID_PRICING_PLAN ->
                ApiErrorCode.INVALID_REQUEST;
            case PRICE_MISSING, NO_RATE_CARD_IN_FORCE -> ApiErrorCode.PRICE_UNAVAILABLE;
            case AMOUNT_OVERFLOW -> ApiErrorCode.INTERNAL;
        };
        return new ApiException(code, message(refusal), fields(refusal));
    }

    /** The core's message; for an uploaded file, with its line spelled out, since an API client has no file name. */
    private static String message(JanelaException refusal) {
        if (refusal instanceof FileFormatException file) {
            return file.source() + (file.line() > 0 ? " line " + file.line() : "") + ": "
                    + file.field().map(field -> field + ": ").orElse("") + file.problem();
        }
        return refusal.getMessage();
    }

    private static List<FieldError> fields(JanelaException refusal) {
        if (refusal instanceof InvalidTemplateException template) {
            return template.problems().stream()
                    .map(problem -> new FieldError(problem.field(), problem.message())).toList();
        }
        if (refusal instanceof FileFormatException file && file.field().isPresent()) {
            return List.of(new FieldError(file.field().get(), message(file)));
        }
        return List.of();
    }
}
