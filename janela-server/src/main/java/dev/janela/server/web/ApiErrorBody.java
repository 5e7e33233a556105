package dev.janela.server.web;

import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Refusal;
import java.util.List;

/**
 * The native API's error body.
 *
 * @param code the stable error code ({@code invalid_request})
 * @param message what went wrong, for people
 * @param fields the fields at fault, for invalid requests
 */
public record ApiErrorBody(String code, String message, List<FieldError> fields) {
    public static ApiErrorBody of(Refusal refusal) {
        return new ApiErrorBody(ErrorTable.nativeCode(refusal.reason()).wireName(), refusal.getMessage(),
                refusal.fields());
    }
}
