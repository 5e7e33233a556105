package dev.janela.server.signin;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.Unauthenticated;
import java.util.regex.Pattern;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form, and the address a person types, which leads to the page of their work. */
@WebPages
class SignInPage {
    private static final Pattern MINUTES = Pattern.compile("[0-9]{1,4}");

    /** The form; after a paused attempt ({@code ?paused=5}), how many minutes to wait. */
    @Unauthenticated
    @GetMapping(SecurityConfiguration.SIGN_IN)
    String signIn(@RequestParam(name = "paused", required = false) String paused, Model model) {
        if (paused != null && MINUTES.matcher(paused).matches()) {
            model.addAttribute("pausedMinutes", Integer.parseInt(paused));
        }
        return "sign-in";
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/")
    String home(Caller caller) {
        return caller.role() == Role.ANALYST ? "redirect:/billing" : "redirect:/inbox";
    }
}
