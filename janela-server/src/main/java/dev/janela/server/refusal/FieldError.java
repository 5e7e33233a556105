package dev.janela.server.refusal;

/**
 * One field of a request at fault.
 *
 * @param field its name, as in the request ({@code phone_number_id})
 * @param message what is wrong and what is expected
 */
public record FieldError(String field, String message) {
}
