package dev.janela.server.web;

import java.util.Locale;

/**
 * The native API's error codes, each with the one HTTP status it is answered with. Codes are stable: clients may
 * branch on them.
 */
public enum ApiErrorCode {
    /** The request is malformed: the fields say which and why. */
    INVALID_REQUEST(400),
    /** No bearer token, or one Janela does not know or has revoked. */
    UNAUTHENTICATED(401),
    /** The token's role may not do this. */
    FORBIDDEN(403),
    /** Nothing by that name in the caller's account (another account's objects are not found either). */
    NOT_FOUND(404),
    /** The path exists, but not for this HTTP method. */
    METHOD_NOT_ALLOWED(405),
    /** The endpoint answers only in media types the request's {@code Accept} does not take. */
    NOT_ACCEPTABLE(406),
    /** The request conflicts with what exists: a duplicate, or a state that does not allow it. */
    CONFLICT(409),
    /** The request body is larger than Janela reads. */
    PAYLOAD_TOO_LARGE(413),
    /** The request body is not of a media type this endpoint reads. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** The account cannot price what was asked: no rate card, or none with a price for it. */
    PRICE_UNAVAILABLE(422),
    /** Something failed inside Janela; the log has the details. */
    INTERNAL(500),
    /** Meta's Graph API refused or did not answer a call Janela made for the request. */
    UPSTREAM(502),
    /** Janela cannot do it now, but may later: the same request, made again, may succeed. */
    UNAVAILABLE(503);

    private final int status;
    private final String wireName;

    ApiErrorCode(int status) {
        this.status = status;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    public int status() {
        return status;
    }

    /** The code as clients see it ({@code invalid_request}). */
    public String wireName() {
        return wireName;
    }
}
