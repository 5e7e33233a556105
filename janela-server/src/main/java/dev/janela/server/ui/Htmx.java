package dev.janela.server.ui;

import jakarta.servlet.http.HttpServletRequest;

/** What htmx tells the server about its requests. */
public final class Htmx {
    private Htmx() {
    }

    /** Whether htmx sent the request, which then wants a fragment of a page rather than the page. */
    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
