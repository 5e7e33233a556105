package dev.janela.server.web;

/**
 * The errors the Cloud-API-compatible send endpoint answers with, in Meta's codes and titles so that an existing
 * Cloud API client handles them as it would Meta's; each with its one HTTP status, as Meta's error table gives it.
 */
public enum MetaError {
    AUTH(190, "Invalid OAuth access token", 401),
    PERMISSION_DENIED(10, "Permission denied", 403),
    INVALID_PARAMETER(100, "Invalid parameter", 400),
    REQUIRED_PARAMETER_MISSING(131008, "Required parameter is missing", 400),
    PARAMETER_VALUE_INVALID(131009, "Parameter value is not valid", 400),
    REENGAGEMENT_MESSAGE(131047, "Re-engagement message", 400),
    /** Janela's queue for the number's throughput would hold the message longer than it may wait. */
    THROUGHPUT_REACHED(130429, "Rate limit hit", 400),
    /** Janela's queue for this customer would hold the message longer than it may wait. */
    PAIR_RATE_LIMIT(131056, "(Business Account, Consumer Account) pair rate limit hit", 400),
    TEMPLATE_PARAM_COUNT_MISMATCH(132000, "Number of parameters does not match the expected number of params", 400),
    TEMPLATE_NOT_FOUND(132001, "Template name does not exist in the translation", 404),
    TEMPLATE_PAUSED(132015, "Template is Paused", 400),
    TEMPLATE_DISABLED(132016, "Template is Disabled", 400),
    PAYLOAD_TOO_LARGE(100, "Request body too large", 413),
    IDEMPOTENCY_KEY_REUSED(100, "Idempotency-Key was used with another request body", 422),
    IDEMPOTENCY_KEY_IN_FLIGHT(100, "A request with this Idempotency-Key is still being processed", 409),
    NOT_FOUND(100, "Unknown path or phone number id", 404),
    /**
     * Meta's code for a business it cannot bill; Janela's for a send it cannot price (no rate card, or no price
     * for the market): like Meta's, it is fixed in the account's settings, not by retrying.
     */
    CANNOT_BILL(131042, "Business eligibility payment issue", 400),
    GENERIC(131000, "Something went wrong", 500);

    private final int code;
    private final String title;
    private final int status;

    MetaError(int code, String title, int status) {
        this.code = code;
        this.title = title;
        this.status = status;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
