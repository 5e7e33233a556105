package dev.janela.server.ui;

import dev.janela.server.account.Role;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.Caller;
import dev.janela.server.web.Unauthenticated;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form, and the address a person types, which leads to the page of their work. */
@WebPages
class SignInPage {
    @Unauthenticated
    @GetMapping(SecurityConfiguration.SIGN_IN)
    String signIn() {
        return "sign-in";
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/")
    String home(HttpServletRequest request) {
        return Caller.of(request).role() == Role.ANALYST ? "redirect:/billing" : "redirect:/inbox";
    }
}
