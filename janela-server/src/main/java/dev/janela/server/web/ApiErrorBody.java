package dev.janela.server.web;

import java.util.List;

/**
 * The native API's error body.
 *
 * @param code the stable error code ({@code invalid_request})
 * @param message what went wrong, for people
 * @param fields the fields at fault, for invalid requests
 */
public record ApiErrorBody(String code, String message, List<ApiException.FieldError> fields) {
    public static ApiErrorBody of(ApiException exception) {
        return new ApiErrorBody(exception.code().wireName(), exception.getMessage(), exception.fields());
    }
}
