package dev.janela.server.web;

import dev.janela.server.access.BearerTokens;
import dev.janela.server.access.Caller;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to the API but Meta's webhooks (which carry a signature instead), the health check and
 * the OpenAPI document (which hold no data) by its bearer token, and
 * remembers the {@link Caller}. A missing, unknown or revoked token is answered 401 in the error shape of the API
 * the request was for.
 */
@Component
class TokenFilter extends OncePerRequestFilter {
    private static final String BEARER = "Bearer ";

    private final BearerTokens tokens;
    private final ErrorResponses errors;

    TokenFilter(BearerTokens tokens, ErrorResponses errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.needsToken(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = bearerToken(request).flatMap(tokens::callerOf);
        if (caller.isEmpty()) {
            errors.write(request, response, new Refusal(Reason.UNAUTHENTICATED,
                    "a valid API token is required: send it as 'Authorization: Bearer <token>'"));
            return;
        }
        Callers.attach(request, caller.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
