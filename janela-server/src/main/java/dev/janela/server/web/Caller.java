package dev.janela.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * Who is calling: the account and the API token of an authenticated request.
 *
 * @param accountId the account whose objects the request may see
 * @param tokenId the token it presented
 * @param tokenName the token's name, which records what it writes (messages record their author)
 * @param role what the token may do
 */
public record Caller(long accountId, long tokenId, String tokenName, String role) {
    private static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        Objects.requireNonNull(tokenName, "tokenName");
        Objects.requireNonNull(role, "role");
    }

    /** The caller of {@code request}, which the token filter has authenticated. */
    public static Caller of(HttpServletRequest request) {
        Object caller = request.getAttribute(ATTRIBUTE);
        if (caller instanceof Caller known) {
            return known;
        }
        throw new IllegalStateException("request to " + request.getRequestURI() + " was not authenticated");
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }
}
