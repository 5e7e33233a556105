package dev.janela.server.account;

import dev.janela.server.ui.PageChanges;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /users}, for admins: the account's users and API tokens. Inviting, changing a role, removing a user and
 * revoking a token go through the API's own checks, so the page refuses what the API refuses (the last admin
 * included), and shows why.
 */
@WebPages
class UserPages {
    private final UserController users;
    private final TokenController tokens;

    UserPages(UserController users, TokenController tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/users")
    String users(HttpServletRequest request, Model model) {
        model.addAttribute("users", users.list(request).users());
        model.addAttribute("tokens", tokens.list(request).tokens());
        model.addAttribute("roles", Role.values());
        return "users";
    }

    /** Adds a user; the password Janela makes is shown on the answer, once. */
    @Allowed({Role.ADMIN})
    @PostMapping("/users")
    String invite(@RequestParam String email, @RequestParam String name, @RequestParam String role,
            HttpServletRequest request, Model model) {
        try {
            model.addAttribute("invited", users.add(new UserController.NewUser(email, name, role, null), request));
        } catch (ApiException refusal) {
            model.addAttribute("refusal", refusal);
            model.addAttribute("form", new UserController.NewUser(email, name, role, null));
        }
        return users(request, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/users/{id}/role")
    String changeRole(@PathVariable long id, @RequestParam String role, HttpServletRequest request,
            Model model) {
        return backToList(() -> users.change(id, new UserController.UserChange(null, role, null), request), request,
                model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/users/{id}/remove")
    String remove(@PathVariable long id, HttpServletRequest request, Model model) {
        return backToList(() -> users.remove(id, request), request, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, HttpServletRequest request, Model model) {
        return backToList(() -> tokens.revoke(id, request), request, model);
    }

    /** Makes {@code change}, then back to the list; or the list with the API's refusal. */
    private String backToList(Runnable change, HttpServletRequest request, Model model) {
        return PageChanges.attempt(change, "/users", model, () -> users(request, model));
    }
}
