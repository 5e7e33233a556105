package dev.janela.server.ui;

import dev.janela.core.JanelaException;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.MetaException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal on a web page is shown as a page (or, to htmx, as a message to show), with the API's status: 403 for a role
 * that may not, 404 for what is not the account's. The API's handler still answers everything else in JSON.
 */
@ControllerAdvice(annotations = WebPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {
    @ExceptionHandler(ApiException.class)
    String refused(ApiException refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        return show(refusal.code().status(), refusal.getMessage(), request, response, model);
    }

    @ExceptionHandler(MetaException.class)
    String refusedInMetasTerms(MetaException refusal, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return show(refusal.error().status(), refusal.getMessage(), request, response, model);
    }

    @ExceptionHandler(JanelaException.class)
    String refusedByTheCore(JanelaException refusal, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return refused(ApiException.from(refusal), request, response, model);
    }

    private static String show(int status, String message, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return Htmx.isHtmx(request) ? "error :: message" : "error";
    }
}
