package dev.janela.server.web;

import dev.janela.core.FileFormatException;
import dev.janela.core.JanelaException;
import dev.janela.core.template.InvalidTemplateException;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How every refusal is answered: the one table. On the native API, a {@link Reason} is answered with its
 * {@link ApiErrorCode} and that code's status; on the Cloud-API-compatible paths, in Meta's envelope with the
 * reason's own Meta code and the status Meta gives it. Failures the core reports are refusals too, by their
 * {@link dev.janela.core.ErrorCode}.
 */
public final class ErrorTable {
    /** A reason's answers: in the native API's words, and the HTTP status of Meta's envelope. */
    private record Row(ApiErrorCode nativeCode, int cloudStatus) {
    }

    private static final Map<Reason, Row> ROWS = new EnumMap<>(Map.ofEntries(
            Map.entry(Reason.INVALID_REQUEST, new Row(ApiErrorCode.INVALID_REQUEST, 400)),
            Map.entry(Reason.UNAUTHENTICATED, new Row(ApiErrorCode.UNAUTHENTICATED, 401)),
            Map.entry(Reason.FORBIDDEN, new Row(ApiErrorCode.FORBIDDEN, 403)),
            Map.entry(Reason.NOT_FOUND, new Row(ApiErrorCode.NOT_FOUND, 404)),
            Map.entry(Reason.METHOD_NOT_ALLOWED, new Row(ApiErrorCode.METHOD_NOT_ALLOWED, 400)),
            Map.entry(Reason.CONFLICT, new Row(ApiErrorCode.CONFLICT, 400)),
            Map.entry(Reason.PAYLOAD_TOO_LARGE, new Row(ApiErrorCode.PAYLOAD_TOO_LARGE, 413)),
            Map.entry(Reason.UNSUPPORTED_MEDIA_TYPE, new Row(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, 400)),
            Map.entry(Reason.NOT_ACCEPTABLE, new Row(ApiErrorCode.NOT_ACCEPTABLE, 400)),
            Map.entry(Reason.PRICE_UNAVAILABLE, new Row(ApiErrorCode.PRICE_UNAVAILABLE, 400)),
            Map.entry(Reason.INTERNAL, new Row(ApiErrorCode.INTERNAL, 500)),
            Map.entry(Reason.UPSTREAM, new Row(ApiErrorCode.UPSTREAM, 500)),
            Map.entry(Reason.UNAVAILABLE, new Row(ApiErrorCode.UNAVAILABLE, 503)),
            Map.entry(Reason.REQUIRED_PARAMETER_MISSING, new Row(ApiErrorCode.INVALID_REQUEST, 400)),
            Map.entry(Reason.PARAMETER_VALUE_INVALID, new Row(ApiErrorCode.INVALID_REQUEST, 400)),
            Map.entry(Reason.REENGAGEMENT_MESSAGE, new Row(ApiErrorCode.CONFLICT, 400)),
            Map.entry(Reason.BSUID_RECIPIENT_UNSUPPORTED, new Row(ApiErrorCode.INVALID_REQUEST, 400)),
            Map.entry(Reason.MARKETING_OPTED_OUT, new Row(ApiErrorCode.CONFLICT, 400)),
            Map.entry(Reason.THROUGHPUT_REACHED, new Row(ApiErrorCode.CONFLICT, 400)),
            Map.entry(Reason.PAIR_RATE_LIMIT, new Row(ApiErrorCode.CONFLICT, 400)),
            Map.entry(Reason.TEMPLATE_PARAM_COUNT_MISMATCH, new Row(ApiErrorCode.INVALID_REQUEST, 400)),
            Map.entry(Reason.TEMPLATE_NOT_FOUND, new Row(ApiErrorCode.NOT_FOUND, 404)),
            Map.entry(Reason.TEMPLATE_PAUSED, new Row(ApiErrorCode.CONFLICT, 400)),
            Map.entry(Reason.TEMPLATE_DISABLED, new Row(ApiErrorCode.CONFLICT, 400)),
            Map.entry(Reason.IDEMPOTENCY_KEY_REUSED, new Row(ApiErrorCode.INVALID_REQUEST, 422)),
            Map.entry(Reason.IDEMPOTENCY_KEY_IN_FLIGHT, new Row(ApiErrorCode.CONFLICT, 409))));

    private ErrorTable() {
    }

    /** The native API's code for {@code reason}, which gives its status. */
    public static ApiErrorCode nativeCode(Reason reason) {
        return ROWS.get(reason).nativeCode();
    }

    /** The HTTP status of Meta's envelope for {@code reason}. */
    public static int cloudStatus(Reason reason) {
        return ROWS.get(reason).cloudStatus();
    }

    /** The reasons the table answers: all of them, which a test holds it to. */
    static Iterable<Reason> reasons() {
        return ROWS.keySet();
    }

    /** The refusal for a failure the core reports, by its stable code. */
    public static Refusal refusalOf(JanelaException failure) {
        Reason reason = switch (failure.code()) {
            case INVALID_RATE_CARD, INVALID_MARKETS_FILE, INVALID_EVENT, INVALID_TEMPLATE, CURRENCY_MISMATCH,
                    INVALID_VOLUME_TIERS, INVALID_PRICING_PLAN, INVALID_RECIPIENT_LIST ->
                Reason.INVALID_REQUEST;
            case PRICE_MISSING, NO_RATE_CARD_IN_FORCE -> Reason.PRICE_UNAVAILABLE;
            case AMOUNT_OVERFLOW -> Reason.INTERNAL;
        };
        return new Refusal(reason, message(failure), fields(failure));
    }

    /**
     * The core's message; for an uploaded file, its one problem with the line spelled out, since an API client has no
     * file name, or how many lines are bad, each of which is a field.
     */
    private static String message(JanelaException failure) {
        if (!(failure instanceof FileFormatException file)) {
            return failure.getMessage();
        }
        if (file.problems().size() == 1 && file.linesNotListed() == 0) {
            FileFormatException.Problem only = file.problems().get(0);
            return file.source() + (only.line() > 0 ? " " + line(only) : "") + ": " + withoutLine(only);
        }
        int lines = file.badLines();
        return file.source() + ": " + (lines == 1 ? "1 line is" : lines + " lines are") + " invalid"
                + (file.linesNotListed() > 0 ? "; the first " + (lines - file.linesNotListed()) + " are listed" : "");
    }

    /** A template's fields at fault, or a file's lines, each named {@code line 4}. */
    private static List<FieldError> fields(JanelaException failure) {
        if (failure instanceof InvalidTemplateException template) {
            return template.problems().stream()
                    .map(problem -> new FieldError(problem.field(), problem.message())).toList();
        }
        if (failure instanceof FileFormatException file) {
            return file.problems().stream().filter(problem -> problem.line() > 0)
                    .map(problem -> new FieldError(line(problem), withoutLine(problem))).toList();
        }
        return List.of();
    }

    private static String line(FileFormatException.Problem problem) {
        return "line " + problem.line();
    }

    /** What is wrong on a line: with the column to blame first, if one is. */
    private static String withoutLine(FileFormatException.Problem problem) {
        return (problem.field() == null ? "" : problem.field() + ": ") + problem.problem();
    }
}
