package dev.janela.server.signin;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.Unauthenticated;
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
    String home(Caller caller) {
        return caller.role() == Role.ANALYST ? "redirect:/billing" : "redirect:/inbox";
    }
}
