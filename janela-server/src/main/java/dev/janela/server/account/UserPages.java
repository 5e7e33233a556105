package dev.janela.server.account;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.ui.PageChanges;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /users}, for admins: the account's users and API tokens. Inviting, changing a role, removing a user and
 * revoking a token are the API's own use cases ({@link Team}), so the page refuses what the API refuses (the last
 * admin included), and shows why.
 */
@WebPages
class UserPages {
    private final Team team;
    private final Users users;
    private final ApiTokens tokens;

    UserPages(Team team, Users users, ApiTokens tokens) {
        this.team = team;
        this.users = users;
        this.tokens = tokens;
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/users")
    String users(Caller caller, Model model) {
        model.addAttribute("users", users.list(caller.accountId()).stream().map(UserView::of).toList());
        model.addAttribute("tokens", tokens.list(caller.accountId()).stream().map(TokenView::of).toList());
        model.addAttribute("roles", Role.values());
        return "users";
    }

    /** Adds a user; the password Janela makes is shown on the answer, once. */
    @Allowed({Role.ADMIN})
    @PostMapping("/users")
    String invite(@RequestParam String email, @RequestParam String name, @RequestParam String role, Caller caller,
            Model model) {
        Team.NewUser invited = new Team.NewUser(email, name, role, null);
        try {
            model.addAttribute("invited", UserView.of(team.add(caller, invited)));
        } catch (Refusal refusal) {
            model.addAttribute("refusal", refusal);
            model.addAttribute("form", invited);
        }
        return users(caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/users/{id}/role")
    String changeRole(@PathVariable long id, @RequestParam String role, Caller caller, Model model) {
        return backToList(() -> team.change(caller, id, new Team.UserChange(null, role, null)), caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/users/{id}/remove")
    String remove(@PathVariable long id, Caller caller, Model model) {
        return backToList(() -> team.remove(caller, id), caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Caller caller, Model model) {
        return backToList(() -> team.revokeToken(caller, id), caller, model);
    }

    /** Makes {@code change}, then back to the list; or the list with the refusal. */
    private String backToList(Runnable change, Caller caller, Model model) {
        return PageChanges.attempt(change, "/users", model, () -> users(caller, model));
    }
}
