package dev.janela.server.web;

import dev.janela.server.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The caller of a request, once the token filter or the pages' sign-in has authenticated it. Controllers and pages
 * name a {@link Caller} parameter instead ({@link CallerArgument}); this is for what runs around them.
 */
public final class Callers {
    private static final String ATTRIBUTE = Caller.class.getName();

    private Callers() {
    }

    /** The caller of {@code request}, which must be authenticated. */
    public static Caller of(HttpServletRequest request) {
        return find(request).orElseThrow(() -> new IllegalStateException("request to " + request.getRequestURI()
                + " was not authenticated"));
    }

    /** The caller of {@code request}, if it is authenticated: the sign-in page's is not. */
    public static Optional<Caller> find(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller known ? Optional.of(known) : Optional.empty();
    }

    /** Remembers {@code caller} as the one of {@code request}, once it has been authenticated. */
    public static void attach(HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }
}
