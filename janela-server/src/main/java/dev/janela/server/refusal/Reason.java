package dev.janela.server.refusal;

/**
 * Why Janela refuses a request, whoever made it. Each reason carries the code and title Meta's Cloud API gives the
 * same refusal, so that a Cloud API client reads Janela's refusals as it reads Meta's; the reasons of the send path
 * are the platform's own. Reasons are stable: clients branch on them.
 */
public enum Reason {
    /** The request is malformed: the fields say which and why. */
    INVALID_REQUEST(100, "Invalid parameter"),
    /** No bearer token, or one Janela does not know or has revoked. */
    UNAUTHENTICATED(190, "Invalid OAuth access token"),
    /** The caller's role may not do this. */
    FORBIDDEN(10, "Permission denied"),
    /** Nothing by that name in the caller's account (another account's objects are not found either). */
    NOT_FOUND(100, "Unknown path or phone number id"),
    /** The path exists, but not for this HTTP method. */
    METHOD_NOT_ALLOWED(100, "Invalid parameter"),
    /** The request conflicts with what exists: a duplicate, or a state that does not allow it. */
    CONFLICT(100, "Invalid parameter"),
    /** The request body is larger than Janela reads. */
    PAYLOAD_TOO_LARGE(100, "Request body too large"),
    /** The request body is not of a media type this endpoint reads. */
    UNSUPPORTED_MEDIA_TYPE(100, "Invalid parameter"),
    /** The endpoint answers only in media types the request's {@code Accept} does not take. */
    NOT_ACCEPTABLE(100, "Invalid parameter"),
    /**
     * The account cannot price what was asked: no rate card, or none with a price for it. Meta's code for a business
     * it cannot bill: like Meta's, it is fixed in the account's settings, not by retrying.
     */
    PRICE_UNAVAILABLE(131042, "Business eligibility payment issue"),
    /** Something failed inside Janela; the log has the details. */
    INTERNAL(131000, "Something went wrong"),
    /** Meta's Graph API refused or did not answer a call Janela made for the request. */
    UPSTREAM(131000, "Something went wrong"),
    /** Janela cannot do it now, but may later, unchanged: asked again, it will (Meta delivers webhooks again). */
    UNAVAILABLE(131000, "Something went wrong"),
    /** A send lacks a field Meta requires. */
    REQUIRED_PARAMETER_MISSING(131008, "Required parameter is missing"),
    /** A send has a field whose value Meta would not take. */
    PARAMETER_VALUE_INVALID(131009, "Parameter value is not valid"),
    /** A free-form message outside the customer service window (R8). */
    REENGAGEMENT_MESSAGE(131047, "Re-engagement message"),
    /**
     * A message sent to a business-scoped user ID that BSUIDs cannot receive: an authentication template, whose
     * one-tap, zero-tap and copy-code buttons need the phone number.
     */
    BSUID_RECIPIENT_UNSUPPORTED(131062, "Business-scoped User ID (BSUID) recipients are not supported for this"
            + " message"),
    /**
     * A marketing template to a customer who opted out of marketing: they wrote a stop word, Meta reported that they
     * stopped marketing messages, or an agent or the API marked them.
     */
    MARKETING_OPTED_OUT(131050, "User has opted out of marketing messages from this business"),
    /** The queue for the number's throughput would hold the message longer than it may wait. */
    THROUGHPUT_REACHED(130429, "Rate limit hit"),
    /** The queue for this customer would hold the message longer than it may wait. */
    PAIR_RATE_LIMIT(131056, "(Business Account, Consumer Account) pair rate limit hit"),
    /** A template send's parameters do not match the template's. */
    TEMPLATE_PARAM_COUNT_MISMATCH(132000, "Number of parameters does not match the expected number of params"),
    /** No approved template by that name in that language. */
    TEMPLATE_NOT_FOUND(132001, "Template name does not exist in the translation"),
    TEMPLATE_PAUSED(132015, "Template is Paused"),
    TEMPLATE_DISABLED(132016, "Template is Disabled"),
    /** An {@code Idempotency-Key} used before with another request body. */
    IDEMPOTENCY_KEY_REUSED(100, "Idempotency-Key was used with another request body"),
    /** An {@code Idempotency-Key} whose first request is still being processed. */
    IDEMPOTENCY_KEY_IN_FLIGHT(100, "A request with this Idempotency-Key is still being processed");

    private final int metaCode;
    private final String metaTitle;

    Reason(int metaCode, String metaTitle) {
        this.metaCode = metaCode;
        this.metaTitle = metaTitle;
    }

    /** Meta's code for the refusal, as its Cloud API gives it ({@code 131047}). */
    public int metaCode() {
        return metaCode;
    }

    /** Meta's title for {@link #metaCode()} ({@code Re-engagement message}). */
    public String metaTitle() {
        return metaTitle;
    }
}
