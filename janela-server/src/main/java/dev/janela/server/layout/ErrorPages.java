package dev.janela.server.layout;

import dev.janela.core.JanelaException;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.ui.Htmx;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.ErrorTable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal on a web page is shown as a page in the layout (or, to htmx, as a message to show), with the status the
 * native API gives it ({@link ErrorTable}): 403 for a role that may not, 404 for what is not the account's. The
 * API's handler still answers everything else in JSON.
 */
@ControllerAdvice(annotations = WebPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorPages {
    private final Layout layout;

    ErrorPages(Layout layout) {
        this.layout = layout;
    }

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = ErrorTable.nativeCode(refusal.reason()).status();
        response.setStatus(status);
        model.addAttribute("status", status);
        // The role's refusal names the method and path, which say nothing to the person who followed a link: the
        // page says it in their words instead.
        model.addAttribute("message", refusal.reason() == Reason.FORBIDDEN ? null : refusal.getMessage());
        // A refusal before the page's method ran (the role check) skips the model attributes the layout adds.
        model.addAttribute("frame", layout.frame(request));
        return Htmx.isHtmx(request) ? "error :: message" : "error";
    }

    @ExceptionHandler(JanelaException.class)
    String refusedByTheCore(JanelaException refusal, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return refused(ErrorTable.refusalOf(refusal), request, response, model);
    }
}
