package dev.janela.server.ui;

import dev.janela.core.JanelaException;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.web.ErrorTable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal on a web page is shown as a page (or, to htmx, as a message to show), with the status the native API
 * gives it ({@link ErrorTable}): 403 for a role that may not, 404 for what is not the account's. The API's handler
 * still answers everything else in JSON.
 */
@ControllerAdvice(annotations = WebPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {
    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = ErrorTable.nativeCode(refusal.reason()).status();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", refusal.getMessage());
        return Htmx.isHtmx(request) ? "error :: message" : "error";
    }

    @ExceptionHandler(JanelaException.class)
    String refusedByTheCore(JanelaException refusal, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return refused(ErrorTable.refusalOf(refusal), request, response, model);
    }
}
